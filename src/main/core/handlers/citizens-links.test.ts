/** The mairie's own organisation of contributions: project, theme, duplicates, « Transformer en projet ». */
import { afterEach, describe, expect, it } from 'vitest'
import { createSetUpCore, failure, ok, TempDirs, type TestCore } from '../testing'
import { pulledContribution, receivePulled, type PulledContribution } from '../testing/contributions'

const temp = new TempDirs('cap-commune-citizens-links-')
const opened: TestCore[] = []
afterEach(() => {
  for (const test of opened.splice(0)) test.core.close()
  temp.cleanup()
})

type Pulled = PulledContribution
const contribution = pulledContribution

async function setUp(items: Pulled[]): Promise<TestCore> {
  const test = await createSetUpCore(temp.make())
  opened.push(test)
  receivePulled(test.core.database.db, items)
  return test
}

const journalOf = async (test: TestCore) =>
  (await ok(test.core, test.session, 'audit.list', { entity: 'contribution' })).items.map((entry) => [
    entry.label,
    entry.display.field,
    entry.display.before,
    entry.display.after,
  ])

describe('citizens.link', () => {
  it('links a project and a theme, shows them in the list and its filter, and writes the journal in French', async () => {
    const test = await setUp([contribution(1), contribution(2)])
    const project = await ok(test.core, test.session, 'projects.create', { title: 'Réfection de la rue des Prés' })
    const linked = await ok(test.core, test.session, 'citizens.link', { id: 1, projectId: project.id, themeId: 'conseil-municipal' })
    expect(linked).toMatchObject({ project: { id: project.id, title: 'Réfection de la rue des Prés' }, themeId: 'conseil-municipal', sync: null })
    expect(linked.themeName).toBeTruthy()

    const list = await ok(test.core, test.session, 'citizens.list', {})
    expect(list.items.find((item) => item.id === 1)).toMatchObject({ projectTitle: 'Réfection de la rue des Prés', themeId: 'conseil-municipal' })
    const byProject = await ok(test.core, test.session, 'citizens.list', { projectId: project.id })
    expect(byProject.items.map((item) => item.id)).toEqual([1])
    expect(byProject).toMatchObject({ total: 1, statusCounts: { recue: 1 } })
    expect((await ok(test.core, test.session, 'citizens.list', { themeId: 'conseil-municipal' })).items.map((item) => item.id)).toEqual([1])

    expect(await journalOf(test)).toEqual(
      expect.arrayContaining([
        ['Contribution 1', 'Projet lié', '—', 'Réfection de la rue des Prés'],
        ['Contribution 1', 'Thème du référentiel', '—', linked.themeName],
      ]),
    )
    // Removing the project link; the same choice twice writes nothing more.
    await ok(test.core, test.session, 'citizens.link', { id: 1, projectId: null })
    await ok(test.core, test.session, 'citizens.link', { id: 1, projectId: null })
    expect(await journalOf(test)).toHaveLength(3)
    expect((await ok(test.core, test.session, 'citizens.get', { id: 1 })).project).toBeNull()
  })

  it('refuses in French a project or a theme that does not exist, and changes nothing', async () => {
    const test = await setUp([contribution(1)])
    const noProject = await failure(test.core, test.session, 'citizens.link', { id: 1, projectId: 999 })
    expect(noProject).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Le projet choisi n’existe plus') })
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1, themeId: 'licornes' })).message).toContain(
      'n’existe pas dans le référentiel',
    )
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1 })).message).toContain('Rien à modifier')
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1, projectId: 'x' })).message).toContain('n’est pas valable')
    expect((await failure(test.core, test.session, 'citizens.link', { id: 7, themeId: 'conseil-municipal' })).message).toContain('n’existe plus')
    expect(await ok(test.core, test.session, 'citizens.get', { id: 1 })).toMatchObject({ project: null, themeId: null })
    expect(await journalOf(test)).toEqual([])
  })
})

describe('citizens.list « sans réponse »', () => {
  it('keeps the ones without an answer (hidden ones excepted, as the home page counts them), with their counts', async () => {
    const test = await setUp([contribution(1), contribution(2, { publicAnswer: 'Fait.' }), contribution(3, { moderation: 'masquee' })])
    const list = await ok(test.core, test.session, 'citizens.list', { unansweredOnly: true })
    expect(list.items.map((item) => item.id)).toEqual([1])
    expect(list).toMatchObject({ total: 1, statusCounts: { recue: 1 }, everything: 3 })
    expect((await ok(test.core, test.session, 'citizens.syncStatus', {})).unanswered).toBe(1)
  })
})

describe('duplicates', () => {
  it('points a duplicate of a duplicate at the original, and moves the duplicates of one that becomes a duplicate', async () => {
    const test = await setUp([contribution(1, { title: 'Éclairage du stade' }), contribution(2), contribution(3), contribution(4)])
    await ok(test.core, test.session, 'citizens.link', { id: 2, duplicateOfId: 1 })
    // 3 repeats 2, itself a duplicate of 1: it points at 1.
    expect((await ok(test.core, test.session, 'citizens.link', { id: 3, duplicateOfId: 2 })).duplicateOf).toEqual({
      id: 1,
      title: 'Éclairage du stade',
    })
    expect((await ok(test.core, test.session, 'citizens.get', { id: 1 })).duplicates.map((d) => d.id)).toEqual([2, 3])
    // 1 turns out to repeat 4: its duplicates follow it.
    await ok(test.core, test.session, 'citizens.link', { id: 1, duplicateOfId: 4 })
    const original = await ok(test.core, test.session, 'citizens.get', { id: 4 })
    expect(original.duplicates.map((d) => d.id)).toEqual([1, 2, 3])
    expect((await ok(test.core, test.session, 'citizens.list', {})).items.map((item) => [item.id, item.duplicateOfId])).toEqual(
      expect.arrayContaining([
        [1, 4],
        [2, 4],
        [3, 4],
        [4, null],
      ]),
    )
    expect(await journalOf(test)).toEqual(
      expect.arrayContaining([
        ['Contribution 3', 'Doublon de la contribution n°', '—', '1'],
        ['Contribution 2', 'Doublon de la contribution n°', '1', '4'],
      ]),
    )
  })

  it('refuses itself, a missing one and a loop in French', async () => {
    const test = await setUp([contribution(1), contribution(2)])
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1, duplicateOfId: 1 })).message).toBe(
      'Une contribution ne peut pas être le doublon d’elle-même : choisissez une autre contribution.',
    )
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1, duplicateOfId: 50 })).message).toContain('n’existe plus')
    await ok(test.core, test.session, 'citizens.link', { id: 2, duplicateOfId: 1 })
    expect((await failure(test.core, test.session, 'citizens.link', { id: 1, duplicateOfId: 2 })).message).toContain(
      '« Contribution 2 » est déjà marquée comme doublon de celle-ci',
    )
    expect((await ok(test.core, test.session, 'citizens.get', { id: 1 })).duplicateOf).toBeNull()
  })

  it('offers as originals the others that are not duplicates, searched by words', async () => {
    const test = await setUp([
      contribution(1, { title: 'Lampadaire éteint', body: 'Place de la mairie' }),
      contribution(2, { title: null, body: 'Un lampadaire ne marche plus' }),
      contribution(3, { title: 'Bancs' }),
    ])
    await ok(test.core, test.session, 'citizens.link', { id: 3, duplicateOfId: 1 })
    const all = await ok(test.core, test.session, 'citizens.duplicateCandidates', { id: 2, search: '' })
    expect(all.items.map((item) => item.id)).toEqual([1])
    const found = await ok(test.core, test.session, 'citizens.duplicateCandidates', { id: 1, search: 'lampadaire' })
    expect(found.items).toEqual([expect.objectContaining({ id: 2, title: 'Un lampadaire ne marche plus' })])
  })
})

describe('citizens.transform', () => {
  it('creates one project from a proposal (title, text, linked theme), links both, once per idempotency key', async () => {
    const test = await setUp([contribution(1, { kind: 'proposition', title: 'Un jardin partagé', body: 'Derrière l’école, <b>pour tous</b>.' })])
    await ok(test.core, test.session, 'citizens.link', { id: 1, themeId: 'conseil-municipal' })
    const key = 'transform-0123456789abcdef'
    const first = await ok(test.core, test.session, 'citizens.transform', { id: 1, idempotencyKey: key } as never)
    const again = await ok(test.core, test.session, 'citizens.transform', { id: 1, idempotencyKey: key } as never)
    expect(again.projectId).toBe(first.projectId)
    const projects = await ok(test.core, test.session, 'projects.list', {})
    expect(projects.items).toHaveLength(1)
    const project = await ok(test.core, test.session, 'projects.get', { id: first.projectId })
    expect(project).toMatchObject({ title: 'Un jardin partagé', description: 'Derrière l’école, <b>pour tous</b>.', themeIds: ['conseil-municipal'] })
    expect(first.contribution.project).toEqual({ id: first.projectId, title: 'Un jardin partagé' })
    expect(await journalOf(test)).toEqual(expect.arrayContaining([['Un jardin partagé', 'Projet lié', '—', 'Un jardin partagé']]))
    const projectJournal = await ok(test.core, test.session, 'audit.list', { entity: 'project' })
    expect(projectJournal.items.some((entry) => entry.label === 'Un jardin partagé')).toBe(true)
    // A new click (another key) on a proposal already turned into a project is refused.
    expect((await failure(test.core, test.session, 'citizens.transform', { id: 1 })).message).toContain('déjà liée à un projet')
    expect((await ok(test.core, test.session, 'projects.list', {})).items).toHaveLength(1)
  })

  it('refuses what is not a proposal, in French', async () => {
    const test = await setUp([contribution(1, { kind: 'besoin' })])
    expect((await failure(test.core, test.session, 'citizens.transform', { id: 1 })).message).toContain(
      'Seule une proposition peut devenir un projet',
    )
    expect((await ok(test.core, test.session, 'projects.list', {})).items).toHaveLength(0)
  })
})
