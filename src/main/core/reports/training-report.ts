/**
 * The yearly table of the trainings the commune financed (CGCT L2123-12: annexed to the compte administratif — or
 * compte financier unique — and debated in council), with the year's credits against their legal floor and ceiling
 * and the élus with a délégation still to be trained. A report of its own and a part of the council pack.
 */
import type { Content } from 'pdfmake/interfaces'
import { formatCents, formatDate, formatDecimal } from '../../../shared/format'
import type { ReportContext } from './context'
import { emptyNote, facts, figures, h1, h2, paragraph, table } from './layout'

function money(cents: number | null): string {
  return cents === null ? 'non saisi' : formatCents(cents)
}

export async function trainingSections(context: ReportContext, year: number, options: { newPage: boolean }): Promise<Content[]> {
  const table_ = await context.read('training.yearTable', { year })
  const overview = await context.read('training.overview', { year })
  const { budget } = table_
  const { obligations } = overview
  const content: Content[] = [
    h1(`Formation des élus — année ${year}`, { newPage: options.newPage }),
    paragraph(
      `Tableau des actions de formation des élus financées par la commune en ${year}, à annexer au compte administratif (ou au compte financier unique) et à débattre chaque année en conseil municipal (CGCT, art. L2123-12).`,
    ),
    h2('Formations financées par la commune'),
  ]
  if (table_.rows.length === 0) {
    content.push(emptyNote(`Aucune formation d’élu financée par la commune n’a été suivie en ${year}.`))
  } else {
    type Row = (typeof table_.rows)[number] | ({ total: true } & typeof table_.totals)
    const rows: Row[] = [...table_.rows, { total: true, ...table_.totals }]
    const isTotal = (r: Row): r is { total: true } & typeof table_.totals => 'total' in r
    content.push(
      table<Row>(
        [
          {
            header: 'Élu',
            width: 78,
            cell: (r) => (isTotal(r) ? { text: 'Total', bold: true } : { text: [{ text: r.memberName, bold: true }, `\n${r.roleLabel}`] }),
          },
          {
            header: 'Formation et organisme',
            width: '*',
            cell: (r) =>
              isTotal(r)
                ? ''
                : {
                    text: [
                      { text: r.title, bold: true },
                      r.providerName ? `\n${r.providerName}` : '\nOrganisme non renseigné',
                      r.approvalNumber ? ` — agrément n° ${r.approvalNumber}` : '',
                    ],
                  },
          },
          {
            header: 'Dates',
            width: 60,
            cell: (r) =>
              isTotal(r)
                ? ''
                : `${formatDate(r.startOn)}${r.endOn && r.endOn !== r.startOn ? `\nau ${formatDate(r.endOn)}` : ''}${r.durationHours !== null ? `\n${formatDecimal(r.durationHours)} h` : ''}`,
          },
          { header: 'Coût', width: 48, align: 'right', cell: (r) => formatCents(r.costCents) },
          { header: 'Trajet et séjour', width: 48, align: 'right', cell: (r) => formatCents(r.travelCents) },
          { header: 'Perte de revenu', width: 48, align: 'right', cell: (r) => formatCents(r.lostIncomeCents) },
          { header: 'Total', width: 52, align: 'right', cell: (r) => ({ text: formatCents(r.totalCents), bold: true, alignment: 'right' }) },
        ],
        rows,
        { fontSize: 7.5 },
      ),
      {
        text: 'Coût : frais d’enseignement ; trajet et séjour : frais de déplacement et de séjour remboursés ; perte de revenu : perte de revenu compensée par la commune (CGCT, art. L2123-14).',
        style: 'small',
        margin: [0, 0, 0, 8],
      },
    )
  }
  content.push(
    h2(`Crédits de formation ${year}`),
    figures([
      { value: money(budget.votedCents), label: 'Crédits votés' },
      { value: formatCents(budget.carriedInCents), label: 'Report de l’année précédente' },
      { value: formatCents(budget.committedCents), label: 'Engagé (formations à venir)' },
      { value: formatCents(budget.spentCents), label: 'Réalisé (formations suivies)' },
    ]),
    facts([
      ['Total des indemnités maximales', money(budget.maxAllowancesCents)],
      ['Plancher légal (2 %)', money(budget.floorCents)],
      ['Plafond légal (20 %)', money(budget.ceilingCents)],
      ['Reste disponible', formatCents(budget.availableCents)],
      [
        'Report sur l’année suivante',
        budget.renewalYear ? `${formatCents(0)} (année de renouvellement du conseil : pas de report au-delà)` : formatCents(budget.carryOutCents),
      ],
    ]),
  )
  if (budget.belowFloor) {
    content.push({
      text: `Attention : les crédits votés sont inférieurs au plancher légal de ${money(budget.floorCents)} (CGCT, art. L2123-14).`,
      bold: true,
      color: '#b02a37',
      margin: [0, 0, 0, 8],
    })
  }
  if (budget.aboveCeiling) {
    content.push({
      text: `Attention : les dépenses engagées et réalisées dépassent le plafond légal de ${money(budget.ceilingCents)} (CGCT, art. L2123-14).`,
      bold: true,
      color: '#b02a37',
      margin: [0, 0, 0, 8],
    })
  }
  content.push(h2('Élus ayant une délégation et formation de la première année'))
  if (obligations.delegatesTotal === 0) {
    content.push(emptyNote('Aucun adjoint ni conseiller délégué n’est enregistré dans l’équipe.'))
  } else if (obligations.untrained.length === 0) {
    content.push(
      paragraph(`Les ${obligations.delegatesTotal} élus ayant une délégation ont suivi une formation au cours de la première année du mandat.`),
    )
  } else {
    const end = obligations.firstYearEndsOn
      ? `avant le ${formatDate(obligations.firstYearEndsOn)} inclus`
      : 'au cours de la première année (date d’installation du conseil à renseigner)'
    const n = obligations.untrained.length
    const who =
      n === 1
        ? `1 élu sur ${obligations.delegatesTotal} ayant une délégation n’a pas encore suivi de formation ; elle doit lui être proposée`
        : `${n} élus sur ${obligations.delegatesTotal} ayant une délégation n’ont pas encore suivi de formation ; elle doit leur être proposée`
    content.push(paragraph(`${who} ${end} (CGCT, art. L2123-12) :`), {
      ul: obligations.untrained.map((u) => `${u.name}, ${u.roleLabel}${u.planned ? ' — formation prévue' : ''}`),
      margin: [0, 0, 0, 8],
    })
  }
  return content
}
