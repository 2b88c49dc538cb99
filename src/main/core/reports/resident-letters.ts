/**
 * The letters that hand resident codes out: one code per letter, three letters per A4 page. A third of A4 (210 × 99 mm)
 * slips unfolded into the usual DL envelope (110 × 220 mm) or straight into a letterbox, two cuts along the dotted
 * lines separate them, and a batch of 350 households prints on 117 sheets instead of 350.
 */
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { ReportFile } from '../../../shared/contract'
import { formatInteger, todayIso } from '../../../shared/format'
import type { SignedInContext } from '../handler'
import { createReportContext } from './context'
import { fileStem } from './generate'
import type { ReportFrame } from './layout'
import { CODE_FONT, renderPdf } from './pdf'

export const LETTERS_PER_PAGE = 3
const PAGE_HEIGHT = 841.89
const PADDING_TOP = 22
const PADDING_BOTTOM = 10
/** The height of a letter's content: a third of the page less its paddings and the cut line (pdfmake adds them). */
const LETTER_HEIGHT = Math.floor(PAGE_HEIGHT / LETTERS_PER_PAGE) - PADDING_TOP - PADDING_BOTTOM - 1
/**
 * The logo by name, from the document's `images`: pdfkit then embeds it once for the whole file. Given as a data URL
 * on each letter it would be embedded again on every letter (350 copies of a 150 KB coat of arms: a 50 MB file).
 */
const LOGO_IMAGE = 'logo'
const BLUE = '#0f3ac8'
const MUTED = '#5c5f66'

export interface LettersInput {
  frame: ReportFrame
  /** The commune's public portal, as the relay gave it at connection (https://relais.example.fr/10145). */
  portalUrl: string
  batchLabel: string
  codes: string[]
}

/** How to use the code, in plain words; the steps follow the portal's own pages (« Se connecter », « Mon compte »). */
export function howToUse(portalAddress: string): Content[] {
  return [
    { text: ['Allez sur le portail citoyen de la commune : ', { text: portalAddress, bold: true, fontSize: 11, color: BLUE }] },
    'Cliquez sur « Se connecter » et indiquez votre adresse e-mail : vous recevez un lien pour entrer, sans mot de passe.',
    'Dans « Mon compte », rubrique « Habitant vérifié », tapez ce code puis « Valider mon code ». Les tirets et les majuscules ne comptent pas.',
  ]
}

function letter(input: LettersInput, code: string, index: number): Content {
  const { frame } = input
  const address = input.portalUrl.replace(/^https?:\/\//, '')
  const heading = {
    stack: [
      { text: frame.communeName, bold: true, fontSize: 13 },
      { text: 'Votre code habitant pour le portail citoyen', color: BLUE, bold: true, fontSize: 11, margin: [0, 2, 0, 0] },
    ],
    width: '*',
  } as Content
  return {
    stack: [
      { columns: frame.logo ? [{ image: LOGO_IMAGE, fit: [42, 42], width: 50 }, heading] : [heading], columnGap: 10 },
      {
        text: 'Madame, Monsieur, la mairie vous remet ce code personnel. Il montre que vous habitez la commune et vous permet de participer aux votes et consultations réservés aux habitants.',
        margin: [0, 8, 0, 6],
      },
      {
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: 'Code habitant', fontSize: 8.5, color: MUTED, alignment: 'center' },
                  { text: code, font: CODE_FONT, bold: true, fontSize: 24, characterSpacing: 1.5, alignment: 'center', margin: [0, 2, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: {
          hLineWidth: () => 1.2,
          vLineWidth: () => 1.2,
          hLineColor: () => BLUE,
          vLineColor: () => BLUE,
          paddingTop: () => 5,
          paddingBottom: () => 6,
        },
        margin: [90, 0, 90, 8],
      },
      { text: 'Comment l’utiliser', bold: true, margin: [0, 0, 0, 2] },
      { ol: howToUse(address), fontSize: 9, margin: [0, 0, 0, 4] },
      {
        text: 'Ce code ne sert qu’une fois, pour une seule personne : gardez-le pour vous. Sans accès à internet, l’accueil de la mairie vous aide.',
        fontSize: 8.5,
        color: MUTED,
      },
      {
        text: `Lot « ${input.batchLabel} » — lettre ${formatInteger(index + 1)} sur ${formatInteger(input.codes.length)}`,
        fontSize: 7,
        color: MUTED,
        alignment: 'right',
        margin: [0, 4, 0, 0],
      },
    ],
  }
}

/** One A4 page: up to three letters, dotted lines where to cut. */
function page(input: LettersInput, start: number, first: boolean): ContentTable {
  const codes = input.codes.slice(start, start + LETTERS_PER_PAGE)
  return {
    table: {
      widths: ['*'],
      heights: LETTER_HEIGHT,
      dontBreakRows: true,
      body: codes.map((code, offset) => [letter(input, code, start + offset)]),
    },
    layout: {
      // Only the cut lines between letters, dotted.
      hLineWidth: (i: number) => (i > 0 && i < codes.length ? 0.6 : 0),
      vLineWidth: () => 0,
      hLineColor: () => '#9aa0a6',
      hLineStyle: () => ({ dash: { length: 3, space: 3 } }),
      paddingLeft: () => 42,
      paddingRight: () => 42,
      paddingTop: () => PADDING_TOP,
      paddingBottom: () => PADDING_BOTTOM,
    },
    pageBreak: first ? undefined : 'before',
  }
}

export function lettersDocument(input: LettersInput): TDocumentDefinitions {
  const pages: Content[] = []
  for (let start = 0; start < input.codes.length; start += LETTERS_PER_PAGE) pages.push(page(input, start, start === 0))
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [0, 0, 0, 0],
    info: {
      title: `Codes habitant « ${input.batchLabel} » — ${input.frame.communeName}`,
      author: input.frame.communeName,
      subject: 'Lettres de codes habitant pour le portail citoyen',
      creator: 'Cap Commune',
      producer: 'Cap Commune',
    },
    language: 'fr-FR',
    content: pages,
    images: input.frame.logo ? { [LOGO_IMAGE]: input.frame.logo.dataUrl } : undefined,
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: '#1f2328' },
  }
}

/** The letters of a batch as a file to save or print, framed with the commune's name and logo like every report. */
export async function residentLettersFile(
  handler: SignedInContext,
  batch: { label: string; codes: string[]; portalUrl: string },
): Promise<ReportFile> {
  const context = await createReportContext(handler, 1, () => {})
  const frame = context.frame('Codes habitant', `Lot « ${batch.label} »`)
  const pdf = await renderPdf(lettersDocument({ frame, portalUrl: batch.portalUrl, batchLabel: batch.label, codes: batch.codes }))
  return {
    fileName: `${fileStem('codes-habitant', batch.label)}-${todayIso(handler.now())}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.bytes.toString('base64'),
    title: `Codes habitant — lot « ${batch.label} »`,
    pageCount: pdf.pageCount,
  }
}
