import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ok } from '../testing'
import { setUpCorePerTest } from '../testing/per-test-core'
import { FIXTURE_REFERENTIEL_FILE } from '../testing/referentiel'
import { seedProjects } from '../testing/seed-projects'
import { EURO_FORMAT } from '../exports/table'

const setUp = setUpCorePerTest('exports', { now: () => new Date('2026-06-15T12:00:00.000Z'), referentielFile: FIXTURE_REFERENTIEL_FILE })

async function readXlsx(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  return workbook.worksheets[0]!
}

/** Rows of the sheet as { header: value }. */
function records(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[]
  const out: Record<string, unknown>[] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    out.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])))
  })
  return out
}

describe('exports.projects', () => {
  it('XLSX: French headers and labels, euros as numbers with the euro format, real dates, a bold frozen header', async () => {
    const { core, session } = setUp()
    seedProjects(core.database.sqlite)
    const file = await ok(core, session, 'exports.projects', { format: 'xlsx' })
    expect(file.fileName).toBe('projets-2026-06-15.xlsx')
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const sheet = await readXlsx(file.contentBase64)
    expect(sheet.name).toBe('Projets')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    const rows = records(sheet)
    // Priority first, then French alphabetical order (É sorts with E).
    expect(rows.map((r) => r.Projet)).toEqual([
      'Préau de l’école',
      'Cantine bio',
      'Éclairage LED',
      'Piscine',
      'Route de Villadin',
      'Salle des fêtes',
      'City stade',
    ])
    const school = rows[0]!
    expect(school).toMatchObject({
      Statut: 'En cours',
      Priorité: 'Prioritaire',
      Domaine: 'Services à la population',
      Référent: 'Sophie Durand',
      'Budget prévu': 10000,
      'Montant engagé': 4000,
      'Montant réalisé': 1234.5,
      'Subventions demandées': 3000,
      'Subventions obtenues': 2500,
      Financeurs: 'DETR, Région',
      'Avancement (%)': 25,
      'Tâches ouvertes': 3,
      'Tâches en retard': 2,
      Description: 'Isolation ; chauffage',
    })
    expect((school.Début as Date).toISOString().slice(0, 10)).toBe('2026-02-01')
    expect(rows[1]).toMatchObject({ Statut: 'Idée', Domaine: 'Sans domaine', Référent: '', Début: null, 'Avancement (%)': null })
    const headers = (sheet.getRow(1).values as string[]).slice(1)
    expect(sheet.getRow(2).getCell(headers.indexOf('Budget prévu') + 1).numFmt).toBe(EURO_FORMAT)
    expect(sheet.getRow(2).getCell(headers.indexOf('Début') + 1).numFmt).toBe('dd/mm/yyyy')
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30)
  })

  it('CSV: BOM, semicolons, JJ/MM/AAAA dates and French amounts, accents intact', async () => {
    const { core, session } = setUp()
    seedProjects(core.database.sqlite)
    const file = await ok(core, session, 'exports.projects', { format: 'csv' })
    expect(file.fileName).toBe('projets-2026-06-15.csv')
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines[0]!.split(';').slice(0, 9)).toEqual([
      'Projet',
      'Statut',
      'Priorité',
      'Domaine',
      'Thèmes',
      'Référent',
      'Début',
      'Fin',
      'Budget prévu',
    ])
    expect(lines[1]!.split(';').slice(0, 11)).toEqual([
      'Préau de l’école',
      'En cours',
      'Prioritaire',
      'Services à la population',
      '',
      'Sophie Durand',
      '01/02/2026',
      '30/09/2026',
      '10 000,00',
      '4 000,00',
      '1 234,50',
    ])
    expect(lines[1]).toContain('"Isolation ; chauffage"')
    expect(lines).toHaveLength(9)
  })
})

describe('exports.tasks', () => {
  it('XLSX and CSV: project, action, assignee, due date, French status, overdue', async () => {
    const { core, session } = setUp()
    seedProjects(core.database.sqlite)
    const xlsx = await ok(core, session, 'exports.tasks', { format: 'xlsx' })
    expect(xlsx.fileName).toBe('taches-2026-06-15.xlsx')
    const rows = records(await readXlsx(xlsx.contentBase64))
    expect(rows.map((r) => [r.Projet, r.Tâche, r.Statut, r['En retard']])).toEqual([
      ['Préau de l’école', 'Diagnostic énergétique', 'Faite', 'Non'],
      ['Préau de l’école', 'Dépôt du permis, pièces ; plans', 'Bloquée', 'Oui'],
      ['Préau de l’école', 'Demander les devis', 'À faire', 'Oui'],
      ['Préau de l’école', 'Choisir l’entreprise', 'En cours', 'Non'],
      ['Route de Villadin', 'Relevé topographique', 'Faite', 'Non'],
    ])
    expect(rows[2]).toMatchObject({ Action: 'Travaux d’été', Responsable: 'Claire Martin', 'Liste de contrôle': '1/2' })
    expect((rows[2]!.Échéance as Date).toISOString().slice(0, 10)).toBe('2026-06-01')

    const csv = Buffer.from((await ok(core, session, 'exports.tasks', { format: 'csv' })).contentBase64, 'base64').toString('utf8')
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('Projet;Action;Tâche;Responsable;Échéance;Statut;En retard;Liste de contrôle;Créée le;Terminée le;Description')
    expect(lines[2]).toBe('Préau de l’école;;"Dépôt du permis, pièces ; plans";Paul Bernard;01/05/2026;Bloquée;Oui;;04/05/2026;;')
    expect(lines[1]).toContain(';01/03/2026;Faite;Non;;04/05/2026;27/02/2026;')
  })

  it('an empty commune gives a header row only', async () => {
    const { core, session } = setUp()
    const csv = Buffer.from((await ok(core, session, 'exports.tasks', { format: 'csv' })).contentBase64, 'base64').toString('utf8')
    expect(csv.slice(1).split('\r\n')).toHaveLength(2)
    const sheet = await readXlsx((await ok(core, session, 'exports.projects', { format: 'xlsx' })).contentBase64)
    expect(sheet.rowCount).toBe(1)
  })
})
