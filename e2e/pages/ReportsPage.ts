import { expect, type Download, type Locator, type Page } from '@playwright/test'

export type ReportName =
  'Rapport de diagnostic' | 'Tableau de bord de la commune' | 'Fiche projet' | 'Dossier de séance du conseil' | 'Formation des élus'
export type CouncilSection = 'Tableau de bord' | 'Diagnostic' | 'Fiches projet' | 'Résultats des consultations' | 'Échéances légales à venir'
const SECTIONS: CouncilSection[] = ['Tableau de bord', 'Diagnostic', 'Fiches projet', 'Résultats des consultations', 'Échéances légales à venir']

/** Rapports: the choice of a report, its options, the pdf.js preview, saving and printing. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Rapports' }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: 'Rapports' })).toBeVisible()
  }

  /** The report cards are radio buttons named by their title (then their description). */
  async choose(report: ReportName): Promise<void> {
    const card = this.page.getByRole('radio', { name: new RegExp(`^${report}`) })
    await card.click()
    await expect(card).toBeChecked()
  }

  async generate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Générer l’aperçu' }).click()
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: /^Aperçu du rapport/ })
  }

  get previewTitle(): Locator {
    return this.page.locator('#report-preview-title')
  }

  get pageCount(): Locator {
    return this.page.getByTestId('report-page-count')
  }

  canvas(pageNumber: number): Locator {
    return this.preview.getByRole('img', { name: new RegExp(`^Page ${pageNumber} sur \\d+$`) })
  }

  /** Waits until pdf.js has drawn the page, then checks that the canvas is not blank. */
  async expectDrawn(pageNumber: number): Promise<void> {
    const canvas = this.canvas(pageNumber)
    await expect(canvas).toHaveAttribute('data-drawn', 'true', { timeout: 20_000 })
    const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
      const context = element.getContext('2d')!
      const { data } = context.getImageData(0, 0, element.width, element.height)
      let dark = 0
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) dark++
      return { width: element.width, height: element.height, shown: element.clientWidth, dark }
    })
    // Drawn at (at least) the size it is shown: sharp, not an enlarged thumbnail.
    expect(inked.width).toBeGreaterThanOrEqual(inked.shown)
    expect(inked.width).toBeGreaterThan(300)
    expect(inked.height).toBeGreaterThan(inked.width)
    expect(inked.dark).toBeGreaterThan(500)
  }

  async save(): Promise<Download> {
    const downloading = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name: 'Enregistrer le PDF' }).click()
    return downloading
  }

  /** Council pack options. */
  async fillMeetingDate(frenchDate: string): Promise<void> {
    const input = this.page.getByLabel('Date de la séance', { exact: true })
    await input.fill(frenchDate)
    await input.blur()
  }

  async setSections(wanted: CouncilSection[]): Promise<void> {
    for (const section of SECTIONS) {
      const box = this.page.getByRole('checkbox', { name: section, exact: true })
      if (wanted.includes(section)) await box.check()
      else await box.uncheck()
    }
  }

  /** Picks projects in the searchable multi-select by typing part of their title. */
  async addProject(search: string, title: string): Promise<void> {
    const input = this.page.getByRole('combobox', { name: 'Projets présentés' })
    await input.fill(search)
    await this.page.getByRole('option', { name: title }).click()
  }
}
