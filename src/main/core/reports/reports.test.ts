/**
 * Every report generated from a real SQLite commune and read back with pdfjs-dist: the text, the accents, the
 * figures against the database, « Page X / Y » on every page, nothing printed beyond the page, and sensible pages
 * for a commune with nothing entered yet.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DECIDED_BY_COMMUNE, DEFAULT_PROFILE_NOTE, obligationsSentence, PEERS_TITLE } from './diagnostic-report'
import { clearBenchmark, readComparisonSetting, storeBenchmark, writeComparisonSetting } from '../portal/peer-benchmarks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput, Poll, PollInput } from '../../../shared/contract'
import { formatCents, formatPercent } from '../../../shared/format'
import { createSetUpCore, createTestCore, failure, ok, TempDirs, testClock, type TestCore } from '../testing'
import { plainText, readPdf, spaced, undrawable, type ReadPdf } from '../testing/pdf'
import { signInAsElu } from '../testing/referentiel'
import { SCORING_EXPLAINED } from '../../../shared/scoring-explained'
import { LIGHTING_TITLE, SCHOOL_TITLE, seedReportCommune, type SeededCommune } from '../testing/seed-reports'

type Request = MethodInput<'reports.generate'>['request']

const NOW = () => new Date('2026-11-29T10:00:00.000Z')
const dirs = new TempDirs('cap-commune-reports-')
afterAll(() => dirs.cleanup())

async function generate(test: TestCore, request: Request, jobId = 'essai') {
  const file = await ok(test.core, test.session, 'reports.generate', { request, jobId })
  const bytes = Buffer.from(file.contentBase64, 'base64')
  // To look at the pages (pdftoppm): CAP_COMMUNE_KEEP_REPORTS=<folder> npx vitest run src/main/core/reports
  const keep = process.env.CAP_COMMUNE_KEEP_REPORTS
  if (keep) writeFileSync(join(keep, file.fileName), bytes)
  return { file, bytes, pdf: await readPdf(bytes) }
}

/** Nothing a reader should ever see in a report: no code words, no character the font draws as an empty box. */
function expectNoLeaks(text: string): void {
  for (const leak of ['undefined', 'NaN', 'null', '[object Object]', 'Infinity']) expect(text).not.toContain(leak)
  expect(undrawable(text)).toEqual([])
}

/** Every page says where it is, and no text runs past the right edge of the page. */
function expectWellLaidOut(pdf: ReadPdf): void {
  for (const [index, page] of pdf.pages.entries()) {
    expect(spaced(page)).toContain(`Page ${index + 1} / ${pdf.pageCount}`)
    for (const item of pdf.items[index]!) {
      expect(item.x, `« ${item.text} » page ${index + 1}`).toBeGreaterThanOrEqual(0)
      expect(item.x + item.width, `« ${item.text} » page ${index + 1}`).toBeLessThanOrEqual(pdf.pageWidth - 20)
    }
  }
}

describe('reports of a commune with data', () => {
  let test: TestCore
  let seeded: SeededCommune

  beforeAll(async () => {
    const setUp = await createSetUpCore(dirs.make())
    setUp.core.close()
    // The same file again, with a fixed clock: the dates printed are known.
    test = createTestCore(setUp.dataDir, { now: NOW })
    seeded = await seedReportCommune(test.core, test.session)
  }, 60_000)
  afterAll(() => test.core.close())

  it('the diagnostic report: cover, contents, overall score and blocking points as the app computes them, every criterion', async () => {
    const { file, bytes, pdf } = await generate(test, { kind: 'diagnostic', campaignId: seeded.campaignId, compareWith: null })
    const view = await ok(test.core, test.session, 'diagnostic.get', { campaignId: seeded.campaignId })
    const text = plainText(pdf)

    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(file.fileName).toBe('diagnostic-bilan-de-mi-mandat-2026-11-29.pdf')
    expect(file.pageCount).toBe(pdf.pageCount)
    expect(pdf.title).toBe('Rapport de diagnostic — Commune de Faux-Villecerf')
    expect(pdf.pages[0]).toContain('Commune de Faux-Villecerf')
    expect(spaced(pdf.pages[0]!)).toContain('Campagne « Bilan de mi-mandat »')
    expect(spaced(pdf.pages[1]!)).toContain('Sommaire')
    expect(text).toContain(spaced(formatPercent(view.scores.overall.done)))
    // Unanswered is not unmet: the report counts them apart, as on screen.
    const unmet = view.scores.blocking.filter((b) => b.status !== 'non_renseigne').length
    const toAnswer = view.scores.blocking.length - unmet
    expect(toAnswer).toBeGreaterThan(0)
    expect(text).toContain(spaced(obligationsSentence(view.scores)))
    expect(text).toContain(`Obligations à renseigner (${toAnswer})`)
    expect(text).toContain('Points faibles')
    // How the score is computed, in the words of the synthesis screen.
    expect(text).toContain(SCORING_EXPLAINED.title)
    expect(text).toContain(spaced(SCORING_EXPLAINED.paragraphs[0].slice(0, 60)))
    // Compared with the campaign before it, by default.
    expect(text).toContain('Avant : Diagnostic d’entrée 2026')
    // Every criterion of every domain that applies is printed with its question.
    for (const blocking of view.scores.blocking) expect(text).toContain(spaced(blocking.question))
    expect(text).toContain('Délibération adoptée ; cœur du sujet vu avec l’ATD « Aube ».')
    expect(pdf.pages[1]).toContain('Comparaison')
    // Every legal item is verifiable: the content version, the sources with their official link and check date.
    expect(text).toContain(`référentiel ${view.scores.referentielVersion}`)
    expect(text).toContain('Sources juridiques citées')
    expect(text).toContain(spaced('https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/'))
    // A link to the whole code, not the article, says so.
    expect(text).toContain('Lien vers le code : l’article')
    expect(text).toContain('Vérifié le')
    expectNoLeaks(text)
    expectWellLaidOut(pdf)
  }, 60_000)

  it('the diagnostic report shows the obligations whose applicability the commune decided, with the reason, who and when', async () => {
    const campaignId = seeded.campaignId
    await ok(test.core, test.session, 'applicability.decide', {
      criterionId: 'pave',
      applies: true,
      reason: 'Demande de la préfecture du 2 mars 2026',
    })
    await ok(test.core, test.session, 'applicability.decide', {
      criterionId: 'deci-arrete',
      applies: false,
      reason: 'Arrêté intercommunal de DECI en vigueur',
    })
    try {
      const { pdf } = await generate(test, { kind: 'diagnostic', campaignId, compareWith: 'none' }, 'decisions')
      const text = plainText(pdf)
      expect(text).toContain(DECIDED_BY_COMMUNE)
      expect(text).toContain(spaced('Demande de la préfecture du 2 mars 2026'))
      expect(text).toContain('S’applique')
      expect(text).toContain('Ne s’applique pas')
      expect(text).toContain(spaced('La commune a décidé que cette obligation ne la concerne pas : Arrêté intercommunal de DECI en vigueur'))
      expect(text).toContain(spaced('Secrétariat, 29 novembre 2026'))
      // What the rule alone says is printed beside the decision: the figure it compared.
      expect(text).toContain(spaced('sans cette décision : Ne concerne que les communes de 1'))
      expectNoLeaks(text)
      expectWellLaidOut(pdf)
    } finally {
      await ok(test.core, test.session, 'applicability.undo', { criterionId: 'pave' })
      await ok(test.core, test.session, 'applicability.undo', { criterionId: 'deci-arrete' })
    }
  }, 60_000)

  it('the diagnostic report compares with the communes of the same size only with the relay’s figures, and says when there are not enough', async () => {
    const { campaignId } = seeded
    const db = test.core.database.db
    const view = await ok(test.core, test.session, 'diagnostic.get', { campaignId })
    const [first, second] = view.scores.domains.filter((d) => d.applies)
    expect(second).toBeDefined()
    try {
      // Not shared (the default): no word of it, no figure.
      const notShared = plainText((await generate(test, { kind: 'diagnostic', campaignId, compareWith: 'none' }, 'pairs-off')).pdf)
      expect(notShared).not.toContain(PEERS_TITLE)
      expect(notShared).not.toContain('Médiane')

      // Shared, but the relay has 4 communes of the band out of the 5 it needs: one sentence, no figure.
      writeComparisonSetting(db, { sharing: true, changedAt: NOW().toISOString(), changedBy: 'Secrétariat', received: null })
      storeBenchmark(
        db,
        {
          band: '200-499',
          minimumCommunes: 5,
          domains: [{ domainId: first!.domainId, communes: 4, enough: false, median: null, q1: null, q3: null }],
        },
        '2026-11-28T09:30:00.000Z',
      )
      const fewPdf = (await generate(test, { kind: 'diagnostic', campaignId, compareWith: 'none' }, 'pairs-few')).pdf
      const few = plainText(fewPdf)
      expect(few).toContain(PEERS_TITLE)
      expect(few).toContain(
        spaced(
          'Pas encore assez de communes de la tranche « de 200 à 499 habitants » pour comparer : 4 sur les 5 nécessaires au 28 novembre 2026. Aucun chiffre n’est donné',
        ),
      )
      expect(few).not.toContain('Médiane')
      expect(few).not.toContain('quartile')
      expectNoLeaks(few)

      // Enough for one domain: its median and quartiles beside the commune's score, the number of communes and the date.
      storeBenchmark(
        db,
        {
          band: '200-499',
          minimumCommunes: 5,
          domains: [
            { domainId: first!.domainId, communes: 7, enough: true, median: 47.5, q1: 22.5, q3: 81 },
            { domainId: second!.domainId, communes: 3, enough: false, median: null, q1: null, q3: null },
          ],
        },
        '2026-11-28T09:30:00.000Z',
      )
      const withFigures = await generate(test, { kind: 'diagnostic', campaignId, compareWith: 'none' }, 'pairs-figures')
      const text = plainText(withFigures.pdf)
      expect(text).toContain(PEERS_TITLE)
      expect(text).toContain(
        spaced(
          'de la tranche « de 200 à 499 habitants » qui partagent anonymement leurs scores : chiffres du relais reçus le 28 novembre 2026, sur 7 communes au moins par domaine',
        ),
      )
      expect(text).toMatch(/1er quartile\s+Médiane\s+3e quartile\s+Communes/)
      const row = new RegExp(`${first!.title}\\s+${spaced(formatPercent(first!.done))}\\s+22,5 %\\s+47,5 %\\s+81 %\\s+7`)
      expect(text).toMatch(row)
      // The domain the relay has too few communes for: no figure.
      expect(text).toMatch(new RegExp(`${second!.title}\\s+${spaced(formatPercent(second!.done))}\\s+—\\s+—\\s+—\\s+moins de 5`))
      expectNoLeaks(text)
      expectWellLaidOut(withFigures.pdf)
    } finally {
      clearBenchmark(db)
      writeComparisonSetting(db, { ...readComparisonSetting(db), sharing: false })
    }
  }, 90_000)

  it('a diagnostic report without comparison leaves that part out', async () => {
    const { pdf } = await generate(test, { kind: 'diagnostic', campaignId: seeded.previousCampaignId, compareWith: 'none' })
    expect(pdf.pages[1]).toContain('Sommaire')
    expect(plainText(pdf)).not.toContain('Comparaison')
    expect(plainText(pdf)).toContain('Campagne « Diagnostic d’entrée 2026 »')
  }, 60_000)

  it('the dashboard report: totals equal the database sums, abandoned projects left out as on screen', async () => {
    const { pdf } = await generate(test, { kind: 'dashboard' })
    const text = plainText(pdf)
    const sums = test.core.database.sqlite
      .prepare(
        "SELECT sum(budget_planned_cents) AS planned, sum(budget_committed_cents) AS committed, sum(budget_spent_cents) AS spent FROM projects WHERE status <> 'abandonne'",
      )
      .get() as { planned: number; committed: number; spent: number }
    expect(sums.planned).toBe(seeded.plannedCents)
    for (const cents of [sums.planned, sums.committed, sums.spent]) expect(text).toContain(spaced(formatCents(cents)))
    expect(text).toContain('Total hors projets abandonnés (2 projets)')
    expect(text).toContain('Rénovation de l’école « Les Œillets » et de sa cour')
    expect(text).toContain(LIGHTING_TITLE)
    // The obtained funding: the DETR granted amount.
    expect(text).toContain(spaced(`obtenues : ${formatCents(5_550_000)}`))
    // The budget chart is drawn with the legend and euro ticks in French.
    expect(text).toMatch(/Prévu\s+Engagé\s+Réalisé/)
    expect(text).toMatch(/200 000 €/)
    // The indicator with its latest value, the legal deadlines.
    expect(text).toContain('21 350,5 kWh/an')
    expect(text).toContain('Échéances légales à venir')
    expectNoLeaks(text)
    expectWellLaidOut(pdf)
  }, 60_000)

  it('the project sheet: facts, tasks, funding totals and the history of changes, accents intact', async () => {
    const { file, pdf } = await generate(test, { kind: 'project', projectId: seeded.schoolId, includeHistory: true })
    const text = plainText(pdf)
    expect(file.fileName).toBe('projet-renovation-de-l-ecole-les-oeillets-et-de-sa-cour-2026-11-29.pdf')
    expect(text).toContain(SCHOOL_TITLE)
    for (const accent of ['é', 'è', 'ç', 'œ', 'Œ', '«', '»', '€']) expect(text).toContain(accent)
    expect(text).toContain('Isolation de la façade')
    expect(text).toContain('Informer les parents d’élèves')
    expect(text).toContain('Sophie Durand')
    expect(text).toContain('du 1er septembre 2026 au 31 août 2027')
    // Requested: the DETR and the region requests (both sent); obtained: the DETR grant.
    expect(text).toContain(spaced(formatCents(7_400_000 + 2_000_000)))
    expect(text).toContain(spaced(formatCents(5_550_000)))
    expect(text).toContain('Historique des modifications')
    expect(text).toContain(`Montant engagé : de ${spaced(formatCents(9_250_050))} à ${spaced(formatCents(9_300_000))}`)
    expectNoLeaks(text)
    expectWellLaidOut(pdf)
  }, 60_000)

  it('the council pack: the meeting date, the chosen sections and projects, in that order, with a table of contents', async () => {
    const { file, pdf } = await generate(test, {
      kind: 'council',
      meetingDate: '2026-12-10',
      subtitle: 'Séance ordinaire',
      sections: ['dashboard', 'projects', 'deadlines'],
      projectIds: [seeded.lightingId, seeded.schoolId],
      campaignId: null,
    })
    const text = plainText(pdf)
    expect(file.fileName).toBe('dossier-seance-2026-12-10-2026-11-29.pdf')
    expect(spaced(pdf.pages[0]!)).toContain('Séance du jeudi 10 décembre 2026 — Séance ordinaire')
    expect(pdf.pages[1]).toContain('Sommaire')
    const order = ['Priorités du mandat', LIGHTING_TITLE, 'Rénovation de l’école', 'Échéances légales à venir'].map((title) =>
      text.lastIndexOf(title),
    )
    expect(order.every((index) => index >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text).not.toContain('Synthèse du diagnostic')
    expectNoLeaks(text)
    expectWellLaidOut(pdf)
  }, 60_000)

  it('the council pack with the diagnostic: obligations non remplies counted from answers only, the rest « à renseigner »', async () => {
    const { pdf } = await generate(test, {
      kind: 'council',
      meetingDate: '2026-12-10',
      sections: ['diagnostic'],
      projectIds: [],
      campaignId: seeded.campaignId,
    })
    const text = spaced(plainText(pdf))
    const view = await ok(test.core, test.session, 'diagnostic.get', { campaignId: seeded.campaignId })
    const unmet = view.scores.blocking.filter((b) => b.status !== 'non_renseigne').length
    const toAnswer = view.scores.blocking.length - unmet
    expect(toAnswer).toBeGreaterThan(0)
    expect(text).toContain(spaced(obligationsSentence(view.scores)))
    expect(text).toContain(`${toAnswer} obligations à renseigner`)
    // Never the whole list of blocking points counted as « non remplies ».
    expect(text).not.toContain(`${view.scores.blocking.length} obligations légales non remplies`)
    expect(text).toContain(SCORING_EXPLAINED.title)
    expect(text).toContain(spaced(DEFAULT_PROFILE_NOTE.slice(0, 60)))
    // Once the profile is reviewed, the note is gone.
    await ok(test.core, test.session, 'communeProfile.update', await ok(test.core, test.session, 'communeProfile.get'))
    const reviewed = spaced(
      plainText(
        (
          await generate(test, {
            kind: 'council',
            meetingDate: '2026-12-10',
            sections: ['diagnostic'],
            projectIds: [],
            campaignId: seeded.campaignId,
          })
        ).pdf,
      ),
    )
    expect(reviewed).not.toContain(spaced(DEFAULT_PROFILE_NOTE.slice(0, 60)))
    expectNoLeaks(text)
    expectWellLaidOut(pdf)
  }, 60_000)

  it('tells the window how far a long report is, with French steps, up to « Rapport prêt. »', async () => {
    const events: { task: string; done: number; total: number; label: string }[] = []
    const stop = test.core.onEvent((event, payload) => {
      if (event === 'progress') events.push(payload as (typeof events)[number])
    })
    await generate(
      test,
      { kind: 'council', meetingDate: '2026-12-10', sections: ['diagnostic', 'projects'], projectIds: [seeded.schoolId], campaignId: null },
      'seance-42',
    )
    stop()
    expect(events.length).toBeGreaterThanOrEqual(4)
    expect(events.every((e) => e.task === 'report:seance-42')).toBe(true)
    expect(events.map((e) => e.done / e.total)).toEqual([...events.map((e) => e.done / e.total)].sort((a, b) => a - b))
    expect(events.map((e) => e.label)).toContain('Fiche projet 1 sur 1…')
    expect(events.at(-1)).toMatchObject({ done: 1, total: 1, label: 'Rapport prêt.' })
  }, 60_000)
})

describe('the council pack’s « Résultats des consultations »', () => {
  const sondage = (title: string, opensOn: string, closesOn: string): PollInput => ({
    kind: 'sondage',
    title,
    opensOn,
    closesOn,
    verification: 'email',
    results: 'a_la_cloture',
    questions: [{ kind: 'choix_unique', label: 'Quel jour vous convient ?', options: [{ label: 'Mercredi' }, { label: 'Samedi' }] }],
  })
  let relayId = 0
  /** An online answer as the pull stores it. */
  function answer(test: TestCore, poll: Poll, optionIndex: number): void {
    const question = poll.questions[0]!
    const id = ++relayId
    test.core.database.sqlite
      .prepare(
        `INSERT INTO poll_answers (relay_url, relay_id, relay_seq, poll_external_id, author_pseudonymous_id, answers, answered_at, received_at)
         VALUES ('https://relais.test', ?, ?, ?, ?, ?, '2026-10-10T08:00:00Z', '2026-10-11T08:00:00Z')`,
      )
      .run(
        id,
        id,
        poll.externalId,
        `citoyen-${id}`,
        JSON.stringify([{ questionId: question.id, optionIds: [question.options[optionIndex]!.id], text: null }]),
      )
  }
  const section = (text: string) => text.slice(text.lastIndexOf('Résultats des consultations'), text.lastIndexOf('Échéances légales à venir'))

  it('prints each poll closed since the previous meeting with online, paper and total figures; not the others', async () => {
    const clock = testClock('2026-09-01T10:00:00.000Z')
    const setUp = await createSetUpCore(dirs.make())
    setUp.core.close()
    const test = createTestCore(setUp.dataDir, { now: clock.now })
    const library = await ok(test.core, test.session, 'polls.create', sondage('Horaires de la bibliothèque', '2026-10-01', '2026-10-31'))
    const fete = await ok(test.core, test.session, 'polls.create', sondage('Date de la fête du village', '2026-09-20', '2026-10-05'))
    await ok(test.core, test.session, 'polls.create', sondage('Jardins partagés', '2026-08-01', '2026-08-31'))
    const withdrawn = await ok(test.core, test.session, 'polls.create', sondage('Consultation retirée', '2026-10-01', '2026-10-20'))
    await ok(test.core, test.session, 'polls.withdraw', { id: withdrawn.id })
    await ok(test.core, test.session, 'polls.create', sondage('Marché du dimanche', '2026-11-15', '2026-12-05'))
    answer(test, library, 0)
    answer(test, library, 0)
    answer(test, library, 1)
    answer(test, fete, 1)
    const [day] = library.questions
    await ok(test.core, test.session, 'pollResults.setPaper', {
      pollId: library.id,
      ballots: 7,
      counts: [
        { questionId: day!.id, optionId: day!.options[0]!.id, count: 2 },
        { questionId: day!.id, optionId: day!.options[1]!.id, count: 5 },
      ],
    })
    clock.set('2026-11-29T10:00:00.000Z')
    const request: Request = { kind: 'council', meetingDate: '2026-12-10', sections: ['polls', 'deadlines'], projectIds: [], campaignId: null }

    const { pdf } = await generate(test, request)
    const text = plainText(pdf)
    const part = section(text)
    expect(part).toContain('Consultations et votes clos du 10 septembre 2026 au 10 décembre 2026 : les trois mois précédant la séance.')
    expect(part).toContain('Sondage « Horaires de la bibliothèque »')
    // 3 online + 7 on paper: participation, then per choice online / paper / total / share.
    expect(part).toContain('10 participants 3 en ligne 7 sur papier')
    expect(part).toContain('Mercredi 2 2 4 40 %')
    expect(part).toContain('Samedi 1 5 6 60 %')
    expect(part).toContain('Ont répondu 3 7 10')
    expect(part).toContain('Sondage « Date de la fête du village »')
    expect(part).toContain('1 participant 1 en ligne 0 sur papier')
    expect(part.indexOf('fête du village')).toBeLessThan(part.indexOf('Horaires de la bibliothèque'))
    // Closed before the period, withdrawn: absent. Still open when printed: named, without figures.
    expect(text).not.toContain('Jardins partagés')
    expect(text).not.toContain('Consultation retirée')
    expect(part).toContain('Consultations encore ouvertes à l’édition du dossier')
    expect(part).toContain('Sondage « Marché du dimanche » : du 15 novembre 2026 au 5 décembre 2026')
    expect(part).not.toContain('Résultats provisoires')
    expect(spaced(pdf.pages[1]!)).toContain('Résultats des consultations')
    expectNoLeaks(text)
    expectWellLaidOut(pdf)

    // The budget session the commune planned is the previous meeting: the period starts there.
    await ok(test.core, test.session, 'calendar.setBudgetSession', { year: 2027, plannedOn: '2026-10-15' })
    const since = section(plainText((await generate(test, request)).pdf))
    expect(since).toContain('Consultations et votes clos du 15 octobre 2026 au 10 décembre 2026 : depuis la séance du vote du budget 2027.')
    expect(since).toContain('Horaires de la bibliothèque')
    expect(since).not.toContain('fête du village')

    // An ordinary meeting the secrétaire names is the period's start, before the budget session the app knows.
    const ordinary = section(plainText((await generate(test, { ...request, previousMeetingDate: '2026-11-05' })).pdf))
    expect(ordinary).toContain('Consultations et votes clos du 5 novembre 2026 au 10 décembre 2026 : depuis la séance précédente du conseil.')
    expect(ordinary).toContain('Aucune consultation ni aucun vote n’a été clos du 5 novembre 2026 au 10 décembre 2026.')
    expect(ordinary).not.toContain('Horaires de la bibliothèque')
    expect(ordinary).toContain('Sondage « Marché du dimanche » : du 15 novembre 2026 au 5 décembre 2026')
    // Named earlier than the quarter, it still counts: the fête closed on 5 October is in.
    const longAgo = section(plainText((await generate(test, { ...request, previousMeetingDate: '2026-09-01' })).pdf))
    expect(longAgo).toContain('Consultations et votes clos du 1er septembre 2026 au 10 décembre 2026 : depuis la séance précédente du conseil.')
    expect(longAgo).toContain('Date de la fête du village')
    expect(longAgo).toContain('Horaires de la bibliothèque')
    // The budget session's own day, given as the previous meeting, is named as such.
    const budgetDay = section(plainText((await generate(test, { ...request, previousMeetingDate: '2026-10-15' })).pdf))
    expect(budgetDay).toContain('du 15 octobre 2026 au 10 décembre 2026 : depuis la séance du vote du budget 2027.')
    // On or after the meeting: refused in French, no PDF.
    const refused = await failure(test.core, test.session, 'reports.generate', { request: { ...request, previousMeetingDate: '2026-12-10' } })
    expect(refused.issues).toEqual([expect.objectContaining({ message: 'La séance précédente doit avoir eu lieu avant la date de la séance.' })])
    test.core.close()
  }, 90_000)
})

describe('reports of a commune with nothing entered', () => {
  it('every report still reads well: no « undefined », no « NaN », a sentence where there is nothing to show', async () => {
    const test = await createSetUpCore(dirs.make())
    const campaign = await ok(test.core, test.session, 'campaigns.create', { name: 'Premier diagnostic', copyFrom: null })
    const project = await ok(test.core, test.session, 'projects.create', { title: 'Idée sans rien' })

    const diagnostic = plainText((await generate(test, { kind: 'diagnostic', campaignId: campaign.id, compareWith: null })).pdf)
    expect(diagnostic).toContain('Pas encore de campagne antérieure ni d’instantané à comparer')
    expect(diagnostic).toContain('0 critère renseigné sur')
    // The profile is still the defaults: the report says so before any figure.
    expect(diagnostic).toContain(spaced(DEFAULT_PROFILE_NOTE.slice(0, 60)))
    const dashboardPdf = (await generate(test, { kind: 'dashboard' })).pdf
    const dashboard = plainText(dashboardPdf)
    expect(dashboard).toContain('Aucun budget saisi pour l’instant')
    expect(dashboard).toContain('Aucun indicateur d’impact')
    expect(dashboard).toContain('Aucune tâche en retard.')
    const sheet = plainText((await generate(test, { kind: 'project', projectId: project.id, includeHistory: true })).pdf)
    expect(sheet).toContain('Ni action ni tâche pour l’instant.')
    expect(sheet).toContain('Aucune subvention demandée pour ce projet.')
    expect(sheet).toContain('Dates non fixées')
    const council = plainText(
      (
        await generate(test, {
          kind: 'council',
          meetingDate: '2027-01-14',
          sections: ['dashboard', 'diagnostic', 'projects', 'polls', 'deadlines'],
          projectIds: [],
          campaignId: null,
        })
      ).pdf,
    )
    expect(council).toContain('Aucun projet n’a été choisi pour ce dossier.')
    expect(council).toContain('Aucune consultation ni aucun vote n’a été clos du 14 octobre 2026 au 14 janvier 2027.')
    for (const text of [diagnostic, dashboard, sheet, council]) expectNoLeaks(text)
    expectWellLaidOut(dashboardPdf)
    test.core.close()
  }, 90_000)
})

describe('long content', () => {
  it('a very long project title and a 500-project portfolio stay inside the page', async () => {
    const test = await createSetUpCore(dirs.make())
    const longTitle = `Aménagement ${'du centre-bourg, de la place de la mairie et des abords de l’église Saint-Étienne '.repeat(2)}`
      .slice(0, 200)
      .trim()
    const long = await ok(test.core, test.session, 'projects.create', {
      title: longTitle,
      status: 'en_cours',
      priority: 'prioritaire',
      budgetPlannedCents: 123_456_789,
    })
    const insert = test.core.database.sqlite.prepare(
      "INSERT INTO projects (title, description, status, priority, budget_planned_cents, budget_committed_cents, budget_spent_cents, created_at, created_by, updated_at) VALUES (?, '', ?, 'normale', ?, 0, 0, ?, 'Test', ?)",
    )
    const statuses = ['idee', 'etude', 'programme', 'en_cours', 'termine'] as const
    test.core.database.sqlite.transaction(() => {
      for (let i = 1; i < 500; i++)
        insert.run(
          `Projet n° ${i} — réfection de la voirie communale`,
          statuses[i % statuses.length],
          1_000_00 * i,
          NOW().toISOString(),
          NOW().toISOString(),
        )
    })()

    const sheet = await generate(test, { kind: 'project', projectId: long.id, includeHistory: true })
    expect(plainText(sheet.pdf)).toContain(spaced(longTitle))
    expectWellLaidOut(sheet.pdf)

    const { pdf } = await generate(test, { kind: 'dashboard' })
    const text = plainText(pdf)
    expect(text).toContain('Projet n° 499 — réfection de la voirie communale')
    expect(text).toContain('Total (500 projets)')
    const plannedSum = (test.core.database.sqlite.prepare('SELECT sum(budget_planned_cents) AS s FROM projects').get() as { s: number }).s
    expect(text).toContain(spaced(formatCents(plannedSum)))
    expect(pdf.pageCount).toBeGreaterThan(10)
    expectWellLaidOut(pdf)
    test.core.close()
  }, 120_000)
})

describe('the commune logo', () => {
  // A 2 × 2 PNG (red, green, blue, white).
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=='

  it('is checked, kept in the database, printed on the cover, and only an administrator changes it', async () => {
    const test = await createSetUpCore(dirs.make())
    const project = await ok(test.core, test.session, 'projects.create', { title: 'Avec logo' })
    const logo = await ok(test.core, test.session, 'logo.set', { fileName: 'blason.png', contentBase64: PNG })
    expect(logo).toMatchObject({ mimeType: 'image/png', width: 2, height: 2, fileName: 'blason.png' })
    expect(await ok(test.core, test.session, 'logo.get')).toEqual(logo)

    const withLogo = await generate(test, { kind: 'project', projectId: project.id, includeHistory: false })
    expect(withLogo.pdf.images[0]).toBe(1)

    const notAnImage = await failure(test.core, test.session, 'logo.set', {
      fileName: 'blason.png',
      contentBase64: Buffer.from('%PDF-1.7 pas une image').toString('base64'),
    })
    expect(notAnImage).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('n’est pas une image PNG ou JPEG') })
    expect(await ok(test.core, test.session, 'logo.get')).toEqual(logo)

    const administrator = test.session.profileId!
    await signInAsElu(test.core, test.session)
    expect(await failure(test.core, test.session, 'logo.remove', {})).toMatchObject({ code: 'FORBIDDEN' })
    test.core.close()

    // Kept in the database file: there after a restart.
    const again = createTestCore(test.dataDir)
    await ok(again.core, again.session, 'session.open', { profileId: administrator })
    expect(await ok(again.core, again.session, 'logo.get')).toEqual(logo)
    await ok(again.core, again.session, 'logo.remove')
    expect(await ok(again.core, again.session, 'logo.get')).toBeNull()
    expect((await generate(again, { kind: 'project', projectId: project.id, includeHistory: false })).pdf.images[0]).toBe(0)
    again.core.close()
  }, 60_000)
})

describe('bad requests', () => {
  it('get a French message and produce nothing', async () => {
    const test = await createSetUpCore(dirs.make())
    const noSection = await failure(test.core, test.session, 'reports.generate', {
      request: { kind: 'council', meetingDate: '2026-12-10', sections: [], projectIds: [] },
    })
    expect(noSection).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Choisissez au moins une partie') })
    const badDate = await failure(test.core, test.session, 'reports.generate', {
      request: { kind: 'council', meetingDate: '10/12/2026', sections: ['dashboard'], projectIds: [] },
    })
    expect(badDate.message).toContain('AAAA-MM-JJ')
    const unknownKind = await failure(test.core, test.session, 'reports.generate', { request: { kind: 'bilan' } })
    expect(unknownKind.message).toContain("Ce type de rapport n'existe pas.")
    const missingProject = await failure(test.core, test.session, 'reports.generate', { request: { kind: 'project', projectId: 999 } })
    expect(missingProject.code).toBe('NOT_FOUND')
    expect(missingProject.message).toMatch(/[éèàù]/)
    test.core.close()
  })
})
