import ExcelJS from 'exceljs'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sha256, storedFilePath } from '../file-store/store'
import { auditRows, call, failure, ok, type TestCore } from '../testing'
import { readPdf } from '../testing/pdf'
import { signInAsElu } from '../testing/referentiel'
import { setUpCorePerTest } from '../testing/per-test-core'

// Faux-Villecerf: 1 Claire Martin (maire), 2 Paul Bernard (1er adjoint, Voirie), 3 Sophie Durand (École),
// 4 Jean Petit (Finances), 5 Marie Leroy (conseillère), 6 Luc Moreau (secrétaire, the administrator).
const setUp = setUpCorePerTest('training', { now: () => new Date('2026-12-01T10:00:00') })
const PAUL = 2
const SOPHIE = 3
const LUC = 6

async function installed(test: TestCore, installedOn = '2026-03-27') {
  await ok(test.core, test.session, 'mandate.update', { startYear: 2026, endYear: 2032, installedOn })
}

async function followed(test: TestCore, memberId: number, startOn: string, fields: Record<string, unknown> = {}) {
  return ok(test.core, test.session, 'training.create', {
    memberId,
    title: 'Les pouvoirs de police du maire',
    startOn,
    endOn: startOn,
    durationHours: 7,
    status: 'suivie',
    costCents: 350_00,
    travelCents: 42_50,
    ...fields,
  })
}

describe('formation des élus: the first-year duty', () => {
  it('lists the élus with a délégation not trained yet, with the last day of the first year, on the page, the dashboard and the calendar', async () => {
    const test = setUp()
    const { core, session } = test
    let overview = await ok(core, session, 'training.overview', {})
    // The three adjoints; not the maire, not the conseillère without délégation, not the secrétaire.
    expect(overview.obligations).toMatchObject({ installedOn: null, firstYearEndsOn: null, delegatesTotal: 3 })
    expect(overview.obligations.untrained.map((u) => u.name)).toEqual(['Paul Bernard', 'Sophie Durand', 'Jean Petit'])
    expect(overview.members.map((m) => m.lastName)).toEqual(['Martin', 'Bernard', 'Durand', 'Petit', 'Leroy'])

    await installed(test)
    overview = await ok(core, session, 'training.overview', {})
    expect(overview.obligations.firstYearEndsOn).toBe('2027-03-26')
    expect(overview.obligations.deliberation).toEqual({ dueOn: '2026-06-27', recordedOn: null })
    expect((await ok(core, session, 'dashboard.get', {})).training).toEqual({ delegatesTotal: 3, untrained: 3, firstYearEndsOn: '2027-03-26' })
    const calendar = await ok(core, session, 'calendar.upcoming', { from: '2026-12-01', months: 12 })
    const entry = calendar.find((e) => e.deadlineId === 'formation-premiere-annee')!
    expect(entry).toMatchObject({ dueOn: '2027-03-26', link: '/formation', criterionId: 'formation-elus-delegues' })
    expect(entry.description).toContain('3 élus ayant une délégation n’ont pas encore suivi de formation : Paul Bernard, Sophie Durand, Jean Petit.')

    // The last day of the first year counts; the next day does not.
    await followed(test, PAUL, '2027-03-26')
    await followed(test, SOPHIE, '2027-03-27')
    const after = await ok(core, session, 'training.overview', {})
    expect(after.obligations.untrained.map((u) => u.name)).toEqual(['Sophie Durand', 'Jean Petit'])
    expect((await ok(core, session, 'dashboard.get', {})).training?.untrained).toBe(2)
  })

  it('records the délibération on the right to training and shows it done in the calendar', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    await ok(core, session, 'training.updateSettings', { maxAllowancesCents: 48_000_00, deliberationOn: '2026-05-12' })
    const calendar = await ok(core, session, 'calendar.upcoming', { from: '2026-04-01', months: 6 })
    expect(calendar.find((e) => e.deadlineId === 'deliberation-formation-elus')).toMatchObject({
      dueOn: '2026-06-27',
      doneOn: '2026-05-12',
      link: '/formation',
    })
    // Not in the future, not before the mandate.
    for (const deliberationOn of ['2026-12-02', '2025-06-01']) {
      const error = await failure(core, session, 'training.updateSettings', { maxAllowancesCents: null, deliberationOn })
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(/futur|mandat/)
    }
    expect(auditRows(core.database.sqlite, { entity: 'trainingSettings' }).map((r) => r.field)).toEqual(['maxAllowancesCents', 'deliberationOn'])
  })
})

describe('formation des élus: bad input gets a French message and changes nothing', () => {
  it('refuses negative costs, an end before the start, a date outside the mandate, a wrong status or an agent', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    const base = { memberId: PAUL, title: 'Budget communal', startOn: '2026-10-05' }
    const cases: [unknown, RegExp][] = [
      [{ ...base, costCents: -100 }, /coût de la formation ne peut pas être négatif/],
      [{ ...base, travelCents: 12.5 }, /centimes/],
      [{ ...base, endOn: '2026-10-04' }, /La date de fin ne peut pas précéder la date de début/],
      [{ ...base, startOn: '2026-02-30' }, /Cette date n'existe pas/],
      [{ ...base, startOn: '2026-03-20' }, /en dehors du mandat.*installation du conseil \(27 mars 2026\)/],
      [{ ...base, startOn: '2033-01-10' }, /en dehors du mandat/],
      [{ ...base, status: 'terminee' }, /Ce statut n'existe pas/],
      [{ ...base, startOn: null, status: 'suivie' }, /date de début/],
      [{ ...base, title: '   ' }, /L'intitulé de la formation est obligatoire/],
      [{ ...base, memberId: LUC }, /concerne le maire, les adjoints et les conseillers/],
      [{ ...base, leaveDays: 1 }, /congé de formation concerne les élus salariés/],
      [{ ...base, durationHours: 1.3 }, /demi-unités/],
      [{ ...base, domainId: 'inconnu' }, /domaine n'existe pas/],
      [{ ...base, providerId: 99 }, /organisme ne figure plus/],
    ]
    for (const [input, message] of cases) {
      const error = await failure(core, session, 'training.create', input)
      expect(error.code, JSON.stringify(input)).toBe('INVALID_INPUT')
      expect(error.message).toMatch(message)
    }
    const { n } = core.database.sqlite.prepare('SELECT count(*) AS n FROM trainings').get() as { n: number }
    expect(n).toBe(0)
  })

  it('counts the training leave of an employed élu up to the limit of the mandate, not a half-day beyond', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    await ok(core, session, 'training.setRights', { memberId: PAUL, isEmployee: true, difBalanceCents: 400_00, difBalanceOn: '2026-11-15' })
    await followed(test, PAUL, '2026-06-10', { leaveDays: 20 })
    const planned = await ok(core, session, 'training.create', {
      memberId: PAUL,
      title: 'Urbanisme',
      startOn: '2027-02-01',
      status: 'inscrite',
      leaveDays: 4,
    })
    const error = await failure(core, session, 'training.create', {
      memberId: PAUL,
      title: 'Marchés publics',
      startOn: '2027-05-01',
      status: 'inscrite',
      leaveDays: 0.5,
    })
    expect(error.message).toBe(
      'Le congé de formation est de 24 jours pour toute la durée du mandat : 24 jour(s) sont déjà pris ou prévus pour cet élu.',
    )
    // Updating a training counts its own days once.
    await ok(core, session, 'training.update', { ...planned, id: planned.id, leaveDays: 3.5 })
    const paul = (await ok(core, session, 'training.forMember', { memberId: PAUL })).member!
    expect(paul.rights).toMatchObject({ isEmployee: true, difBalanceCents: 400_00, leaveDaysLimit: 24, leaveDaysUsed: 20, leaveDaysPlanned: 3.5 })
    // Days noted: the élu cannot be set back to « not employed » until they are removed.
    const back = await failure(core, session, 'training.setRights', { memberId: PAUL, isEmployee: false })
    expect(back.message).toMatch(/retirez-les/)
  })

  it('lets an élu manage only their own trainings and rights, and the budget only to the administrator', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    const wish = await ok(core, session, 'training.create', { memberId: SOPHIE, title: 'La commune et son école' })
    await signInAsElu(core, session, 'Paul Bernard', PAUL)
    const mine = await ok(core, session, 'training.create', { memberId: PAUL, title: 'La voirie communale' })
    expect(mine.status).toBe('souhaitee')
    expect((await failure(core, session, 'training.update', { ...wish, id: wish.id, title: 'Autre' })).code).toBe('FORBIDDEN')
    expect((await failure(core, session, 'training.remove', { id: wish.id })).message).toMatch(/vos propres formations/)
    expect((await failure(core, session, 'training.setRights', { memberId: SOPHIE, isEmployee: true })).code).toBe('FORBIDDEN')
    expect((await failure(core, session, 'training.setBudget', { year: 2027, votedCents: 1 })).code).toBe('FORBIDDEN')
    expect((await ok(core, session, 'training.forMember', {})).member?.trainings.map((t) => t.title)).toEqual(['La voirie communale'])
  })
})

describe('formation des élus: needs from the délégation and the diagnostic', () => {
  it('suggests to the adjoint in charge of the roads a training from a weakness of the diagnostic, then plans it', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    let paul = (await ok(core, session, 'training.forMember', { memberId: PAUL })).member!
    // Before any diagnostic: the catalogue of the domain his délégation names.
    expect(paul.suggestions.map((s) => [s.kind, s.title])).toEqual([
      ['delegation', 'La voirie communale'],
      ['delegation', 'Éclairage public et réseaux'],
    ])
    const campaign = await ok(core, session, 'campaigns.create', { name: 'Diagnostic 2026' })
    for (const criterionId of ['arretes-circulation', 'securite-routiere']) {
      await ok(core, session, 'answers.save', { campaignId: campaign.id, criterionId, status: 'pas_fait' })
    }
    paul = (await ok(core, session, 'training.forMember', { memberId: PAUL })).member!
    const weakness = paul.suggestions.find((s) => s.themeId === 'circulation-stationnement')!
    expect(weakness).toMatchObject({ kind: 'faiblesse', domainId: 'voirie-reseaux-mobilite', title: 'Circulation et stationnement' })
    expect(weakness.reason).toBe('Point faible du diagnostic : 0 % fait.')
    // Themes nobody answered are not weaknesses yet.
    expect(paul.suggestions.some((s) => s.themeId === 'entretien-voirie')).toBe(false)
    // Sophie (École) is not offered the roads.
    const sophie = (await ok(core, session, 'training.forMember', { memberId: SOPHIE })).member!
    expect(sophie.suggestions.some((s) => s.themeId === 'circulation-stationnement')).toBe(false)

    // The suggestion becomes a wish, then a planned training: it leaves the suggestions.
    const wish = await ok(core, session, 'training.create', {
      memberId: PAUL,
      title: weakness.title,
      domainId: weakness.domainId,
      sourceThemeId: weakness.themeId,
    })
    paul = (await ok(core, session, 'training.forMember', { memberId: PAUL })).member!
    expect(paul.suggestions.some((s) => s.themeId === 'circulation-stationnement')).toBe(false)
    const provider = await ok(core, session, 'training.createProvider', {
      name: 'Association des maires de l’Aube',
      approved: true,
      approvalNumber: '10-2021-001',
    })
    const planned = await ok(core, session, 'training.update', {
      ...wish,
      id: wish.id,
      providerId: provider.id,
      startOn: '2027-01-14',
      endOn: '2027-01-14',
      status: 'inscrite',
      costCents: 280_00,
    })
    expect(planned).toMatchObject({
      status: 'inscrite',
      providerName: 'Association des maires de l’Aube',
      providerApproved: true,
      providerApprovalNumber: '10-2021-001',
    })
    expect((await ok(core, session, 'training.overview', {})).obligations.untrained.find((u) => u.memberId === PAUL)?.planned).toBe(true)
    expect(auditRows(core.database.sqlite, { entity: 'training', entityId: wish.id }).map((r) => r.field)).toEqual([
      null,
      'providerId',
      'startOn',
      'endOn',
      'costCents',
      'status',
    ])
  })
})

describe('formation des élus: attestations in the file store', () => {
  it('keeps the attestation in pieces-jointes, serves it back, and deletes it with the training unless another document shares it', async () => {
    const test = setUp()
    const { core, session, dataDir } = test
    await installed(test)
    const training = await followed(test, PAUL, '2026-10-05')
    const bytes = Buffer.from('%PDF-1.4 attestation de présence')
    const attached = await ok(core, session, 'training.addAttestation', {
      id: training.id,
      fileName: 'attestation.pdf',
      contentBase64: bytes.toString('base64'),
    })
    expect(attached.attestation).toEqual({ fileName: 'attestation.pdf', mimeType: 'application/pdf', size: bytes.length })
    const path = storedFilePath(dataDir, sha256(bytes))
    expect(existsSync(path)).toBe(true)
    expect(Buffer.from((await ok(core, session, 'training.getAttestation', { id: training.id })).contentBase64, 'base64')).toEqual(bytes)
    for (const contentBase64 of ['', '!!!']) {
      expect((await failure(core, session, 'training.addAttestation', { id: training.id, fileName: 'a.pdf', contentBase64 })).code).toBe(
        'INVALID_INPUT',
      )
    }
    // The same bytes attached to a project: removing the training keeps them for the project.
    const project = await ok(core, session, 'projects.create', { title: 'Sécurité routière' })
    await ok(core, session, 'attachments.add', {
      projectId: project.id,
      taskId: null,
      fileName: 'copie.pdf',
      contentBase64: bytes.toString('base64'),
    })
    await ok(core, session, 'training.remove', { id: training.id })
    expect(existsSync(path)).toBe(true)
    const other = await followed(test, SOPHIE, '2026-10-06')
    const second = Buffer.from('%PDF-1.4 autre attestation')
    await ok(core, session, 'training.addAttestation', { id: other.id, fileName: 'sophie.pdf', contentBase64: second.toString('base64') })
    await ok(core, session, 'training.removeAttestation', { id: other.id })
    expect(existsSync(storedFilePath(dataDir, sha256(second)))).toBe(false)
    expect(existsSync(join(dataDir, 'pieces-jointes'))).toBe(true)
  })
})

async function xlsxRows(base64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe('formation des élus: the budget and the yearly table', () => {
  it('computes floor, ceiling, committed, spent and carry-over, and warns below the floor', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    await ok(core, session, 'training.updateSettings', { maxAllowancesCents: 60_000_00, deliberationOn: null })
    let budget = await ok(core, session, 'training.setBudget', { year: 2026, votedCents: 1_000_00 })
    expect(budget).toMatchObject({ floorCents: 1_200_00, ceilingCents: 12_000_00, belowFloor: true, renewalYear: true, carryOutCents: 0 })
    budget = await ok(core, session, 'training.setBudget', { year: 2026, votedCents: 1_200_00 })
    expect(budget.belowFloor).toBe(false)
    await followed(test, PAUL, '2026-10-05') // 392,50 € spent
    await ok(core, session, 'training.create', { memberId: SOPHIE, title: 'École', startOn: '2026-12-10', status: 'inscrite', costCents: 100_00 })
    await ok(core, session, 'training.create', {
      memberId: SOPHIE,
      title: 'DIF',
      startOn: '2026-11-10',
      status: 'suivie',
      funding: 'dif',
      costCents: 700_00,
    })
    budget = (await ok(core, session, 'training.overview', { year: 2026 })).budget
    expect(budget).toMatchObject({ votedCents: 1_200_00, spentCents: 392_50, committedCents: 100_00, availableCents: 707_50, carryOutCents: 0 })
    await ok(core, session, 'training.setBudget', { year: 2027, votedCents: 1_500_00, openingCarryCents: 250_00 })
    expect((await ok(core, session, 'training.overview', { year: 2027 })).budget).toMatchObject({ carriedInCents: 250_00, carryOutCents: 1_750_00 })
    expect((await failure(core, session, 'training.setBudget', { year: 2040, votedCents: 1 })).message).toMatch(/année du mandat/)
  })

  it('writes the yearly table of the trainings the commune financed as a PDF and an XLSX whose figures match the database', async () => {
    const test = setUp()
    const { core, session } = test
    await installed(test)
    await ok(core, session, 'training.updateSettings', { maxAllowancesCents: 60_000_00, deliberationOn: '2026-05-12' })
    await ok(core, session, 'training.setBudget', { year: 2026, votedCents: 1_500_00 })
    const provider = await ok(core, session, 'training.createProvider', {
      name: 'Centre de formation des élus de l’Aube',
      approved: true,
      approvalNumber: 'AG-2024-17',
    })
    await followed(test, PAUL, '2026-10-05', { providerId: provider.id, lostIncomeCents: 95_20 })
    await followed(test, SOPHIE, '2026-11-18', { title: 'La commune et son école', costCents: 410_00, travelCents: 0 })
    // Not in the table: paid by the DIF, not followed, or another year.
    await followed(test, PAUL, '2026-11-02', { title: 'Payée par le DIF', funding: 'dif' })
    await ok(core, session, 'training.create', { memberId: PAUL, title: 'À venir', startOn: '2026-12-15', status: 'inscrite', costCents: 99_00 })
    await followed(test, PAUL, '2027-01-10', { title: 'Année suivante' })

    const { total } = core.database.sqlite
      .prepare(
        "SELECT sum(cost_cents + travel_cents + lost_income_cents) AS total FROM trainings WHERE funding = 'budget_communal' AND status = 'suivie' AND start_on LIKE '2026-%'",
      )
      .get() as { total: number }
    const table = await ok(core, session, 'training.yearTable', { year: 2026 })
    expect(table.rows.map((r) => r.title)).toEqual(['Les pouvoirs de police du maire', 'La commune et son école'])
    expect(table.totals.totalCents).toBe(total)
    expect(total).toBe(350_00 + 42_50 + 95_20 + 410_00)

    const pdf = await ok(core, session, 'reports.generate', { request: { kind: 'training', year: 2026 } })
    expect(pdf.fileName).toBe('formation-des-elus-2026-2026-12-01.pdf')
    const read = await readPdf(Buffer.from(pdf.contentBase64, 'base64'))
    const text = read.pages.join('\n').replace(/\s+/g, ' ')
    expect(text).toContain('Formation des élus — année 2026')
    expect(text).toContain('Paul Bernard')
    expect(text).toContain('Centre de formation des élus de l’Aube — agrément n° AG-2024-17')
    expect(text).toContain('La commune et son école')
    expect(text).not.toContain('Payée par le DIF')
    expect(text).not.toContain('Année suivante')
    expect(text).toContain('897,70 €') // 350 + 42,50 + 95,20 + 410
    expect(text).toContain('1 500,00 €')
    expect(text).toContain('Sophie Durand')
    expect(text).toContain('Jean Petit') // still to be trained

    const xlsx = await ok(core, session, 'training.exportYearTable', { year: 2026, format: 'xlsx' })
    expect(xlsx.fileName).toBe('formations-des-elus-2026.xlsx')
    const rows = await xlsxRows(xlsx.contentBase64)
    expect(rows[0]).toEqual([
      'Élu',
      'Fonction',
      'Formation',
      'Organisme',
      'N° d’agrément',
      'Début',
      'Fin',
      'Durée (heures)',
      'Frais d’enseignement',
      'Déplacement et séjour',
      'Pertes de revenu compensées',
      'Total pour la commune',
    ])
    expect(rows.slice(1).map((r) => [r[0], r[2], r[11]])).toEqual([
      ['Paul Bernard', 'Les pouvoirs de police du maire', 487.7],
      ['Sophie Durand', 'La commune et son école', 410],
      ['Total', undefined, total / 100],
    ])
    expect(rows[1]![4]).toBe('AG-2024-17')

    // The council pack carries the same table as a part of its own.
    const pack = await ok(core, session, 'reports.generate', {
      request: { kind: 'council', meetingDate: '2026-12-15', sections: ['training'], projectIds: [] },
    })
    const packText = (await readPdf(Buffer.from(pack.contentBase64, 'base64'))).pages.join('\n').replace(/\s+/g, ' ')
    expect(packText).toContain('Formation des élus — année 2026')
    expect(packText).toContain('897,70 €')
    expect((await call(core, session, 'training.exportYearTable', { year: 1200 })).ok).toBe(false)
  })
})
