/**
 * The renderer refreshes, after a write, only the queries whose method `reads` one of the write's `changes`
 * (src/shared/contract/define.ts). A missing domain would leave a screen showing old data, so this test checks the
 * declarations against what really happens: it makes one write of every kind on a commune with something
 * everywhere, reads every read method before and after, and fails when a result changed although its method does
 * not read anything the write declares it changes.
 */
import { describe, expect, it } from 'vitest'
import { contract, DATA_DOMAINS, type MethodInput, type MethodName, type ReadMethod } from '../../shared/contract'
import { createTestCore, fauxVillecerfSetup, ok, TempDirs, type TestCore } from './testing'
import { FIXTURE_REFERENTIEL_FILE } from './testing/referentiel'
import { pulledContribution, receivePulled } from './testing/contributions'

const NOW = '2026-05-04T10:00:00.000Z'
// A 2 × 2 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=='
const PDF = Buffer.from('%PDF-1.4 pièce').toString('base64')

/**
 * Read methods this test does not call, and why: their `reads` must then be every domain (nothing can go stale).
 * - reports.generate, pollResults.pdf: seconds per PDF; they read everything anyway.
 */
const NOT_READ: ReadMethod[] = ['reports.generate', 'pollResults.pdf']

/**
 * A relay that answers its health check, a pairing and the resident-code batches (the real relay is in
 * portal/*.relay.test.ts and resident-codes/*.relay.test.ts).
 */
const batches: { id: number; label: string; count: number; used: number; createdAt: string; revokedAt: string | null }[] = []
const pairingRelay: typeof fetch = async (url, init) => {
  const path = new URL(String(url)).pathname
  const method = init?.method ?? 'GET'
  let json: unknown = {
    token: 'jeton',
    commune: { code: '10145', name: 'Faux-Villecerf', portalUrl: 'https://relais.example.fr/10145' },
    apiVersion: 1,
  }
  if (path.endsWith('/health')) json = { status: 'ok', apiVersion: 1, driver: 'pglite' }
  else if (path.endsWith('/resident-code-batches') && method === 'POST') {
    const batch = { id: batches.length + 1, label: JSON.parse(String(init?.body)).label, count: 2, used: 0, createdAt: NOW, revokedAt: null }
    batches.push(batch)
    json = { ...batch, codes: [`ABCD-EFGH-JK${batch.id}M`, `NPQR-STUV-WX${batch.id}Y`] }
  } else if (path.endsWith('/resident-code-batches')) json = { batches }
  else if (path.includes('/resident-code-batches/') && method === 'DELETE') {
    const batch = batches.find((b) => b.id === Number(path.split('/').at(-1)))!
    batch.revokedAt = NOW
    json = batch
  }
  return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const PULLED_CONTRIBUTION = pulledContribution(1, { title: 'Lampadaire éteint' })

type ReadCall = { [M in ReadMethod]: { method: M; input: MethodInput<M> } }[ReadMethod]

/** Every read, with inputs taken from what exists now (one call per campaign, project, file…). */
async function readCalls(test: TestCore): Promise<ReadCall[]> {
  const { core, session } = test
  const campaigns = await ok(core, session, 'campaigns.list')
  const snapshots = await ok(core, session, 'snapshots.list')
  const projects = (await ok(core, session, 'projects.list', { pageSize: 200 })).items
  const members = await ok(core, session, 'members.list')
  const calls: ReadCall[] = [
    { method: 'app.status', input: {} },
    { method: 'directory.searchCommunes', input: { query: 'Faux-Villecerf' } },
    { method: 'session.get', input: {} },
    { method: 'commune.get', input: {} },
    { method: 'mandate.get', input: {} },
    { method: 'members.list', input: {} },
    { method: 'profiles.list', input: {} },
    { method: 'referentiel.get', input: {} },
    { method: 'communeProfile.get', input: {} },
    { method: 'applicability.list', input: {} },
    { method: 'themes.assignments', input: {} },
    { method: 'campaigns.list', input: {} },
    { method: 'snapshots.list', input: {} },
    { method: 'citizenInputs.list', input: {} },
    { method: 'citizenInputs.contributionCounts', input: {} },
    { method: 'calendar.upcoming', input: {} },
    { method: 'calendar.budgetSessions', input: {} },
    { method: 'projects.list', input: {} },
    { method: 'tasks.forMember', input: {} },
    { method: 'planning.get', input: {} },
    { method: 'planning.ics', input: {} },
    { method: 'audit.list', input: {} },
    { method: 'search.query', input: { query: 'école' } },
    { method: 'dashboard.get', input: {} },
    { method: 'onboarding.get', input: {} },
    { method: 'exports.projects', input: { format: 'csv' } },
    { method: 'exports.tasks', input: { format: 'csv' } },
    { method: 'logo.get', input: {} },
    { method: 'portal.status', input: {} },
    { method: 'publications.list', input: {} },
    { method: 'comparison.status', input: {} },
    { method: 'citizens.syncStatus', input: {} },
    { method: 'news.list', input: {} },
    { method: 'polls.list', input: {} },
    { method: 'residentCodes.list', input: {} },
    { method: 'citizens.list', input: {} },
    { method: 'backups.status', input: {} },
    { method: 'backups.list', input: {} },
    { method: 'training.overview', input: {} },
    { method: 'training.forMember', input: {} },
    { method: 'training.yearTable', input: { year: 2026 } },
    { method: 'training.exportYearTable', input: { year: 2026, format: 'csv' } },
  ]
  for (const { id } of campaigns) {
    calls.push({ method: 'answers.list', input: { campaignId: id } })
    calls.push({ method: 'diagnostic.get', input: { campaignId: id } })
    calls.push({ method: 'diagnostic.peers', input: { campaignId: id } })
    for (const snapshot of snapshots) {
      calls.push({ method: 'diagnostic.compare', input: { before: { snapshotId: snapshot.id }, after: { campaignId: id } } })
    }
    for (const answer of await ok(core, session, 'answers.list', { campaignId: id })) {
      for (const file of answer.evidence) {
        calls.push({ method: 'evidence.get', input: { id: file.id } })
        calls.push({ method: 'evidence.open', input: { id: file.id } })
      }
    }
  }
  for (const { id } of projects) {
    calls.push({ method: 'projects.get', input: { id } })
    calls.push({ method: 'publications.project', input: { projectId: id } })
    for (const file of (await ok(core, session, 'projects.get', { id })).attachments) {
      calls.push({ method: 'attachments.get', input: { id: file.id } })
      calls.push({ method: 'attachments.open', input: { id: file.id } })
    }
  }
  for (const { id } of members) calls.push({ method: 'tasks.forMember', input: { memberId: id } })
  for (const { id } of (await ok(core, session, 'polls.list', {})).items) {
    calls.push({ method: 'polls.get', input: { id } })
    calls.push({ method: 'pollResults.get', input: { pollId: id } })
    calls.push({ method: 'pollResults.export', input: { pollId: id, format: 'csv' } })
  }
  for (const { id, revokedAt } of (await ok(core, session, 'residentCodes.list', {})).batches) {
    if (!revokedAt) calls.push({ method: 'residentCodes.letters', input: { id } })
  }
  for (const { id } of (await ok(core, session, 'citizens.list', {})).items) {
    calls.push({ method: 'citizens.get', input: { id } })
    calls.push({ method: 'citizens.duplicateCandidates', input: { id, search: '' } })
    for (const photo of (await ok(core, session, 'citizens.get', { id })).photoList) calls.push({ method: 'citizens.photo', input: { id: photo.id } })
  }
  for (const { memberId, trainings } of (await ok(core, session, 'training.overview', {})).members) {
    calls.push({ method: 'training.forMember', input: { memberId } })
    for (const training of trainings.filter((t) => t.attestation)) {
      calls.push({ method: 'training.getAttestation', input: { id: training.id } })
      calls.push({ method: 'training.openAttestation', input: { id: training.id } })
    }
  }
  return calls
}

async function readAll(test: TestCore): Promise<Map<string, string>> {
  const results = new Map<string, string>()
  for (const { method, input } of await readCalls(test)) {
    const result = await test.core.invoke(method, input, test.session)
    results.set(`${method} ${JSON.stringify(input)}`, JSON.stringify(result))
  }
  return results
}

describe('what a write changes, what a read depends on', () => {
  it('every read method is exercised here, or reads every domain', () => {
    const exercised = new Set<string>([
      ...NOT_READ,
      'comparison.status',
      'app.status',
      'directory.searchCommunes',
      'session.get',
      'commune.get',
      'mandate.get',
      'members.list',
      'profiles.list',
      'referentiel.get',
      'communeProfile.get',
      'applicability.list',
      'themes.assignments',
      'campaigns.list',
      'snapshots.list',
      'citizenInputs.list',
      'citizenInputs.contributionCounts',
      'calendar.upcoming',
      'calendar.budgetSessions',
      'projects.list',
      'tasks.forMember',
      'planning.get',
      'planning.ics',
      'audit.list',
      'search.query',
      'dashboard.get',
      'onboarding.get',
      'exports.projects',
      'exports.tasks',
      'logo.get',
      'portal.status',
      'publications.list',
      'citizens.syncStatus',
      'news.list',
      'polls.list',
      'polls.get',
      'residentCodes.list',
      'residentCodes.letters',
      'pollResults.get',
      'pollResults.export',
      'citizens.list',
      'citizens.get',
      'citizens.photo',
      'citizens.duplicateCandidates',
      'answers.list',
      'diagnostic.get',
      'diagnostic.peers',
      'diagnostic.compare',
      'evidence.get',
      'evidence.open',
      'projects.get',
      'publications.project',
      'attachments.get',
      'attachments.open',
      'backups.status',
      'backups.list',
      'training.overview',
      'training.forMember',
      'training.yearTable',
      'training.exportYearTable',
      'training.getAttestation',
      'training.openAttestation',
    ])
    const reads = (Object.keys(contract) as MethodName[]).filter((m) => 'reads' in contract[m])
    expect(reads.filter((m) => !exercised.has(m))).toEqual([])
    for (const method of NOT_READ) expect(contract[method].reads.length, method).toBeGreaterThanOrEqual(13)
  })

  it('after each write, every read whose result changed reads one of the domains the write declares', async () => {
    const temp = new TempDirs('cap-commune-data-changes-')
    const current = createTestCore(temp.make(), { now: () => new Date(NOW), referentielFile: FIXTURE_REFERENTIEL_FILE, relayFetch: pairingRelay })
    const { core, session } = current
    await ok(core, session, 'setup.complete', fauxVillecerfSetup())
    // The first backup runs on its own just after the setup (and says so with its own event): let it end first.
    await expect
      .poll(
        async () => {
          const status = await ok(core, session, 'backups.status')
          return status.latest !== null && status.running === null
        },
        { timeout: 60_000 },
      )
      .toBe(true)
    const missing: string[] = []
    const written = new Set<MethodName>()
    let before = await readAll(current)

    async function write<M extends MethodName>(method: M, input: MethodInput<M>) {
      const value = await ok(core, session, method, input)
      written.add(method)
      const after = await readAll(current)
      const changes = new Set<string>(contract[method].changes ?? [])
      for (const [key, result] of after) {
        const readMethod = key.split(' ')[0] as ReadMethod
        const previous = before.get(key)
        if (previous === undefined || previous === result) continue
        const reads: readonly string[] = contract[readMethod].reads
        if (!reads.some((domain) => changes.has(domain))) missing.push(`${method} a changé ${key} (changes: ${[...changes].join(', ')})`)
      }
      before = after
      return value
    }

    try {
      const members = await ok(core, session, 'members.list')
      const paul = members.find((m) => m.firstName === 'Paul')!

      // The team and the profiles.
      const anne = await write('members.create', { firstName: 'Anne', lastName: 'Lemoine', role: 'conseiller_municipal' })
      const elu = await write('profiles.create', { displayName: 'Paul', memberId: paul.id })
      await write('profiles.update', { id: elu.id, displayName: 'Paul B.', memberId: paul.id, isAdmin: false })
      await write('profiles.setPassword', { id: elu.id, newPassword: 'secret-123' })
      await write('mandate.update', { startYear: 2026, endYear: 2032, installedOn: '2026-03-27' })
      await write('calendar.setBudgetSession', { year: 2027, plannedOn: '2027-03-25' })
      await write('communeProfile.update', {
        ...(await ok(core, session, 'communeProfile.get')),
        agentsFte: 2,
      })
      await write('themes.assign', { memberId: paul.id, themeId: 'ecole', link: 'delegation' })
      await write('logo.set', { fileName: 'blason.png', contentBase64: PNG })

      // The diagnostic.
      const campaign = await write('campaigns.create', { name: 'Diagnostic 2026', copyFrom: null })
      await write('answers.save', { campaignId: campaign.id, criterionId: 'budget-vote-delai', status: 'fait', split: null, comment: '' })
      await write('answers.save', { campaignId: campaign.id, criterionId: 'risques-dicrim', status: 'pas_fait', split: null, comment: 'À faire' })
      const evidence = await write('evidence.add', {
        campaignId: campaign.id,
        criterionId: 'budget-vote-delai',
        fileName: 'budget.pdf',
        contentBase64: PDF,
      })
      await write('snapshots.take', { campaignId: campaign.id, label: 'Installation' })
      await write('answers.save', { campaignId: campaign.id, criterionId: 'conseil-reunion-trimestrielle', status: 'fait', split: null, comment: '' })
      const input = await write('citizenInputs.add', { themeId: 'conseil-municipal', summary: 'Sirène inaudible', receivedOn: '2026-04-02' })
      await write('campaigns.update', { id: campaign.id, name: 'Diagnostic de début de mandat', closed: false })
      // A campaign started on an older référentiel moves to the current one.
      core.database.sqlite.prepare("UPDATE campaigns SET referentiel_version = '2025.1' WHERE id = ?").run(campaign.id)
      await write('campaigns.adoptVersion', { id: campaign.id })
      // An obligation the rule leaves out, declared applicable by the commune, then back to its rule, then again.
      await write('applicability.decide', { criterionId: 'conseil-reglement-interieur', applies: true, reason: 'Choix du conseil' })
      await write('applicability.undo', { criterionId: 'conseil-reglement-interieur' })
      await write('applicability.decide', { criterionId: 'conseil-reglement-interieur', applies: true, reason: 'Délibération du 3 mars' })

      // Projects and all they hold.
      const project = await write('projects.create', {
        title: 'Rénovation de l’école',
        domainId: 'services',
        referentMemberId: paul.id,
        status: 'en_cours',
      })
      const item = await write('news.create', { title: 'Fête de l’école', body: 'Samedi 27 juin.', topic: 'ecole', publishedOn: '2026-06-01' })
      await write('news.update', {
        id: item.id,
        news: { title: 'Fête de l’école', body: 'Samedi 27 juin à 15 h.', topic: 'ecole', publishedOn: '2026-06-01' },
      })
      await write('news.withdraw', { id: item.id })
      await write('news.republish', { id: item.id })
      const poll = await write('polls.create', {
        kind: 'vote',
        title: 'La cour de l’école',
        projectId: project.id,
        opensOn: '2026-06-01',
        closesOn: '2026-06-15',
        verification: 'email',
        questions: [{ kind: 'choix_unique', label: 'Votre choix', options: [{ label: 'Des arbres' }, { label: 'Un préau' }] }],
      })
      await write('polls.update', {
        id: poll.id,
        poll: {
          kind: 'vote',
          title: 'La cour de l’école rénovée',
          projectId: project.id,
          opensOn: '2026-06-01',
          closesOn: '2026-06-20',
          verification: 'email',
          questions: poll.questions,
        },
      })
      await write('polls.withdraw', { id: poll.id })
      await write('polls.republish', { id: poll.id })
      const [vote] = poll.questions
      await write('pollResults.setPaper', {
        pollId: poll.id,
        ballots: 4,
        counts: [{ questionId: vote!.id, optionId: vote!.options[0]!.id, count: 3 }],
      })
      await write('pollResults.removePaper', { pollId: poll.id })
      await write('publications.publishProject', { projectId: project.id, fields: ['summary', 'progress'] })
      await write('projects.update', { ...project, title: 'Rénovation de l’école et de la cour', budgetPlannedCents: 1_000_000 })
      const participant = await write('participants.add', { projectId: project.id, memberId: anne.id, role: 'Suivi' })
      const action = await write('actions.create', { projectId: project.id, title: 'Travaux', dueOn: '2026-08-01' })
      await write('actions.update', { id: action.id, title: 'Travaux d’été', dueOn: '2026-08-15', status: 'en_cours' })
      const task = await write('tasks.create', {
        projectId: project.id,
        actionId: action.id,
        title: 'Devis',
        assigneeMemberId: paul.id,
        dueOn: '2026-04-30',
      })
      await write('tasks.update', {
        id: task.id,
        actionId: action.id,
        title: 'Devis signé',
        assigneeMemberId: paul.id,
        dueOn: '2026-04-30',
        status: 'faite',
      })
      await write('comments.add', { projectId: project.id, body: 'Réunion avec l’architecte' })
      const attachment = await write('attachments.add', { projectId: project.id, fileName: 'plan.pdf', contentBase64: PDF })
      const funding = await write('fundings.create', { projectId: project.id, funder: 'detr', requestedCents: 500_000, status: 'demandee' })
      await write('fundings.update', { id: funding.id, funder: 'detr', requestedCents: 500_000, obtainedCents: 400_000, status: 'accordee' })
      const indicator = await write('indicators.create', { projectId: project.id, label: 'Consommation', unit: 'kWh', lowerIsBetter: true })
      await write('indicators.update', { id: indicator.id, label: 'Consommation de chauffage', unit: 'kWh', lowerIsBetter: true, targetValue: 100 })
      const measurement = await write('measurements.add', { indicatorId: indicator.id, measuredOn: '2026-04-01', value: 120 })

      // Formation des élus: an organisme, a training followed with its attestation, rights, settings and budget.
      const provider = await write('training.createProvider', { name: 'Association des maires', approved: true, approvalNumber: 'A-1' })
      await write('training.updateProvider', { id: provider.id, name: 'Association des maires de l’Aube', approved: true, approvalNumber: 'A-1' })
      const training = await write('training.create', { memberId: paul.id, title: 'La voirie communale', providerId: provider.id })
      await write('training.update', {
        id: training.id,
        title: 'La voirie communale',
        providerId: provider.id,
        startOn: '2026-04-10',
        status: 'suivie',
        costCents: 100_00,
      })
      await write('training.addAttestation', { id: training.id, fileName: 'attestation.pdf', contentBase64: PDF })
      await write('training.setRights', { memberId: paul.id, isEmployee: true, difBalanceCents: 400_00, difBalanceOn: '2026-04-01' })
      await write('training.updateSettings', { maxAllowancesCents: 50_000_00, deliberationOn: '2026-04-20' })
      await write('training.setBudget', { year: 2026, votedCents: 1_000_00 })

      // Renaming a person shows on everything that names them.
      await write('members.update', { id: paul.id, firstName: 'Paul', lastName: 'Bernard-Roy', role: 'adjoint', rank: 1, delegation: 'Voirie' })

      // Removals.
      await write('training.removeAttestation', { id: training.id })
      await write('training.remove', { id: training.id })
      await write('training.removeProvider', { id: provider.id })
      await write('measurements.remove', { id: measurement.id })
      await write('indicators.remove', { id: indicator.id })
      await write('fundings.remove', { id: funding.id })
      await write('attachments.remove', { id: attachment.id })
      await write('tasks.remove', { id: task.id })
      await write('comparison.setSharing', { sharing: true })
      await write('comparison.refresh', {})
      await write('publications.sendNow', {})
      await write('publications.withdrawProject', { projectId: project.id })
      await write('publications.publishProject', { projectId: project.id, fields: [] })
      await write('actions.remove', { id: action.id })
      await write('participants.remove', { id: participant.id })
      await write('projects.remove', { id: project.id })
      await write('evidence.remove', { id: evidence.id })
      await write('citizenInputs.remove', { id: input.id })
      await write('logo.remove', {})
      await write('portal.connect', { relayUrl: 'https://relais.example.fr', pairingCode: 'ABCD-EFGH' })
      // The fake relay answers the feed with nonsense: the attempt is recorded, nothing is stored.
      await write('citizens.syncNow', {})
      const batch = await write('residentCodes.create', { label: 'Foyers du bourg', count: 2 })
      await write('residentCodes.revoke', { id: batch.id })
      await write('comparison.setSharing', { sharing: false })
      // A contribution as a pull stores it, then opened on the Citoyens page.
      receivePulled(core.database.db, [PULLED_CONTRIBUTION])
      const [pulled] = (await ok(core, session, 'citizens.list', {})).items
      await write('citizens.markSeen', { id: pulled!.id })
      await write('citizens.update', { id: pulled!.id, status: 'retenue', publicAnswer: 'Merci, c’est prévu.', moderation: 'publiee' })
      // The fake relay answers nonsense: the change waits, with the reason.
      await write('citizens.sendNow', {})
      // A proposal becomes a project; the first contribution is linked to it, to a theme and marked as its duplicate.
      receivePulled(core.database.db, [{ ...PULLED_CONTRIBUTION, seq: 2, id: 2, kind: 'proposition' }])
      const proposal = (await ok(core, session, 'citizens.list', { kind: 'proposition' })).items[0]!
      const made = await write('citizens.transform', { id: proposal.id })
      await write('citizens.link', { id: pulled!.id, projectId: made.projectId, themeId: 'conseil-municipal', duplicateOfId: proposal.id })
      await write('portal.disconnect', {})
      await write('profiles.remove', { id: elu.id })
      await write('members.remove', { id: anne.id })
      await write('commune.setPopulation', { populationTotale: 230, year: 2026 })
      await write('commune.choose', { inseeCode: '10145' })

      // Backups and the export (the whole-data replacements are below).
      await write('backups.create', {})
      await write('backups.setSecondLocation', { path: null })
      await write('backups.chooseFolder', {})
      await write('archive.export', {})
      // Opening a citizen's link changes nothing (no browser to call here: `opened: false`).
      await write('app.openLink', { url: 'https://www.troyes.fr/travaux' })
    } finally {
      core.close()
      temp.cleanup()
    }
    expect(missing).toEqual([])
    // Signing in and out refreshes everything (`session`); setup.complete runs once, before anything is read.
    // Restoring or importing replaces everything and declares every domain; choosing, checking or dropping an
    // archive needs a file the user picked and changes no data (backup/restore.test.ts covers them).
    const replacements = ['backups.restore', 'archive.import', 'recovery.restore', 'archive.chooseFile', 'archive.prepare', 'archive.cancel']
    for (const method of ['backups.restore', 'archive.import', 'recovery.restore'] as const) {
      expect(contract[method].changes.length).toBe(DATA_DOMAINS.length)
    }
    const writes = (Object.keys(contract) as MethodName[]).filter(
      (m) => 'changes' in contract[m] && !m.startsWith('session.') && m !== 'setup.complete' && !replacements.includes(m),
    )
    expect(writes.filter((m) => !written.has(m))).toEqual([])
  }, 120_000)
})
