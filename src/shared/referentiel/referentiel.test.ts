import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  criterionSchema,
  deadlineSchema,
  isArticleLink,
  isWholeCodeLink,
  legalReferenceSchema,
  referentielSchema,
  type ApplicabilityRule,
  type Criterion,
  type Referentiel,
} from './schema'

const FILE = fileURLToPath(new URL('../../../resources/referentiel/referentiel.json', import.meta.url))
const raw: unknown = JSON.parse(readFileSync(FILE, 'utf8'))
const referentiel: Referentiel = referentielSchema.parse(raw)

const themes = referentiel.domains.flatMap((d) => d.themes)
const criteria: Criterion[] = themes.flatMap((t) => t.criteria)

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}

/** Every piece of text a user reads. */
function userTexts(): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = []
  for (const d of referentiel.domains) {
    texts.push({ where: d.id, text: d.title }, { where: d.id, text: d.description })
    for (const t of d.themes) {
      texts.push({ where: t.id, text: t.title }, { where: t.id, text: t.description })
      for (const ref of t.legalReferences) if (ref.summary) texts.push({ where: t.id, text: ref.summary })
      for (const c of t.criteria) {
        texts.push({ where: c.id, text: c.question }, { where: c.id, text: c.nextStep })
        if (c.help) texts.push({ where: c.id, text: c.help })
        for (const ref of c.legalBasis) if (ref.summary) texts.push({ where: c.id, text: ref.summary })
      }
    }
  }
  for (const dl of referentiel.deadlines) texts.push({ where: dl.id, text: dl.title }, { where: dl.id, text: dl.description })
  return texts
}

function populationThresholds(rule: ApplicabilityRule | undefined): number[] {
  if (!rule) return []
  if ('population' in rule) {
    const p = rule.population
    return [p.moreThan, p.atLeast, p.below, p.atMost].filter((n): n is number => n !== undefined)
  }
  if ('all' in rule) return rule.all.flatMap(populationThresholds)
  if ('any' in rule) return rule.any.flatMap(populationThresholds)
  return []
}

describe('référentiel livré (resources/referentiel/referentiel.json)', () => {
  it('respecte le schéma, avec sa version et sa date de vérification', () => {
    expect(referentielSchema.safeParse(raw).success).toBe(true)
    expect(referentiel.version).toBe('2026.2')
    expect(referentiel.checkedOn).toBe('2026-12-01')
    expect(referentiel.changes.length, 'une nouvelle version dit ce qui a changé').toBeGreaterThan(0)
  })

  it('compte exactement les 18 domaines attendus, dans l’ordre', () => {
    expect(referentiel.domains.map((d) => d.title)).toEqual([
      'Gouvernance et vie démocratique',
      'Administration générale et état civil',
      'Finances et budget',
      'Ressources humaines',
      'Urbanisme et aménagement',
      'Voirie, réseaux et mobilité',
      'Eau, assainissement et déchets',
      'Environnement et transition énergétique',
      'Patrimoine bâti et ERP',
      'Sécurité et prévention des risques',
      'Enfance, jeunesse et école',
      'Action sociale et logement',
      'Santé',
      'Culture, sport et vie associative',
      'Économie locale, commerce et tourisme',
      'Communication et relation citoyenne',
      'Numérique et données',
      'Intercommunalité et partenariats',
    ])
    for (const d of referentiel.domains) expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('compte au moins 100 thèmes (5 à 7 par domaine) et au moins 150 critères, chaque thème en ayant au moins un', () => {
    expect(themes.length).toBeGreaterThanOrEqual(100)
    expect(criteria.length).toBeGreaterThanOrEqual(150)
    for (const d of referentiel.domains) {
      expect(d.themes.length, d.id).toBeGreaterThanOrEqual(5)
      expect(d.themes.length, d.id).toBeLessThanOrEqual(7)
    }
    for (const t of themes) expect(t.criteria.length, t.id).toBeGreaterThanOrEqual(1)
  })

  it('n’a aucun identifiant en double (domaines, thèmes, critères, échéances)', () => {
    expect(duplicates(referentiel.domains.map((d) => d.id))).toEqual([])
    expect(duplicates(themes.map((t) => t.id))).toEqual([])
    expect(duplicates(criteria.map((c) => c.id))).toEqual([])
    expect(duplicates(referentiel.deadlines.map((d) => d.id))).toEqual([])
  })

  it('cite pour chaque obligation au moins une base légale avec un code et un article', () => {
    const obligations = criteria.filter((c) => c.kind === 'obligation')
    expect(obligations.length).toBeGreaterThanOrEqual(60)
    for (const c of obligations) {
      expect(c.legalBasis.length, c.id).toBeGreaterThanOrEqual(1)
      for (const ref of c.legalBasis) {
        expect(ref.code.trim(), c.id).not.toBe('')
        expect(ref.article.trim(), c.id).not.toBe('')
      }
      expect(c.weight, c.id).toBeGreaterThanOrEqual(3)
    }
  })

  it('relie chaque échéance à un critère existant et cite sa base légale', () => {
    const ids = new Set(criteria.map((c) => c.id))
    for (const dl of referentiel.deadlines) {
      if (dl.criterionId !== undefined) expect(ids.has(dl.criterionId), `${dl.id} → ${dl.criterionId}`).toBe(true)
      expect(dl.legalBasis.length, dl.id).toBeGreaterThanOrEqual(1)
    }
    const byId = new Map(referentiel.deadlines.map((d) => [d.id, d]))
    expect(byId.get('vote-budget')?.recurrence).toEqual({
      type: 'yearly',
      month: 4,
      day: 15,
      renewalYear: { month: 4, day: 30 },
    })
    expect(byId.get('vote-compte')?.recurrence).toEqual({ type: 'yearly', month: 6, day: 30, renewalYear: 'unchanged' })
    expect(byId.get('seance-trimestrielle')?.recurrence).toEqual({
      type: 'quarterly',
    })
    expect(byId.get('reglement-interieur')?.recurrence).toEqual({
      type: 'afterInstallation',
      months: 6,
    })
    expect(byId.get('reglement-interieur')?.appliesWhen).toEqual({ population: { measure: 'totale', atLeast: 1000 } })
    expect(byId.get('debat-orientation-budgetaire')?.appliesWhen).toEqual({ population: { measure: 'totale', atLeast: 3500 } })
  })

  it('pose chaque critère sous forme de question terminée par « ? » et propose une prochaine étape', () => {
    for (const c of criteria) {
      expect(c.question.trim().endsWith('?'), c.id).toBe(true)
      expect(c.nextStep.length, c.id).toBeGreaterThanOrEqual(10)
    }
  })

  it('ne laisse aucun mot anglais ou texte provisoire visible', () => {
    const giveaways = [
      /\bthe\b/i,
      /\bTODO\b/,
      /\bFIXME\b/,
      /lorem/i,
      /\bipsum\b/i,
      /\bXXX\b/,
      /\bwhen\b/i,
      /\bshould\b/i,
      /\bmust\b/i,
      /\bundefined\b/,
      /\bnull\b/,
    ]
    const offenders = userTexts().filter(({ text }) => giveaways.some((re) => re.test(text)))
    expect(offenders).toEqual([])
  })

  it('n’utilise que des seuils de population connus', () => {
    // Seuils tirés des textes cités : 1 000, 1 500, 2 000, 3 500 (et « plus de 3 500 »), 5 000 (« plus de 5 000 »),
    // 10 000, 80 000.
    const allowed = new Set([1000, 1500, 2000, 3500, 5000, 10000, 80000])
    for (const c of criteria) for (const n of populationThresholds(c.appliesWhen)) expect(allowed.has(n), `${c.id} : ${n}`).toBe(true)
  })

  it('précise pour chaque thème transférable la compétence concernée', () => {
    const competenceOf = new Map(themes.map((t) => [t.id, t.competence]))
    expect(competenceOf.get('eau-potable')).toBe('eau')
    expect(competenceOf.get('assainissement-collectif')).toBe('assainissement')
    expect(competenceOf.get('dechets-menagers')).toBe('dechets')
    expect(competenceOf.get('document-urbanisme')).toBe('urbanisme')
    expect(competenceOf.get('entretien-voirie')).toBe('voirie')
    expect(competenceOf.get('defense-incendie')).toBe('defense_incendie')
  })
})

/** What a legal item must carry to be verifiable by the user (issue 10 §3). */
describe('chaque élément juridique est vérifiable', () => {
  const allReferences = [
    ...themes.flatMap((t) => [
      ...t.legalReferences.map((r) => ({ where: t.id, r })),
      ...t.criteria.flatMap((c) => c.legalBasis.map((r) => ({ where: c.id, r }))),
    ]),
    ...referentiel.deadlines.flatMap((d) => d.legalBasis.map((r) => ({ where: d.id, r }))),
  ]

  it('chaque obligation et chaque échéance cite une source avec son lien officiel et sa date de vérification', () => {
    for (const c of criteria.filter((x) => x.kind === 'obligation')) {
      expect(c.legalBasis.length, c.id).toBeGreaterThan(0)
      for (const r of c.legalBasis) {
        expect(r.url, c.id).toMatch(/^https:\/\/(www\.legifrance\.gouv\.fr|eur-lex\.europa\.eu)\//)
        expect(r.checkedOn <= referentiel.checkedOn, `${c.id} vérifié le ${r.checkedOn}`).toBe(true)
      }
    }
    for (const d of referentiel.deadlines) for (const r of d.legalBasis) expect(r.url, d.id).toMatch(/^https:\/\//)
  })

  /** Sources that still open the whole code: this number may only go down (each one found on Légifrance lowers it). */
  const WHOLE_CODE_LINKS_AT_MOST = 272

  it('relie chaque article de code à sa page sur Légifrance, ou dit que le lien mène au code', () => {
    const codeArticles = allReferences.filter(({ r }) => isArticleLink(r.url) || isWholeCodeLink(r.url))
    for (const { where, r } of codeArticles) {
      // A whole-code link must say so (the screens then say « lien vers le code »); an article link must not.
      expect(r.linksTo, `${where} : ${r.code} ${r.article} (${r.url})`).toBe(isWholeCodeLink(r.url) ? 'code' : undefined)
    }
    const wholeCode = allReferences.filter(({ r }) => r.linksTo === 'code')
    expect(wholeCode.length, 'une source de plus renvoie au code entier au lieu de son article').toBeLessThanOrEqual(WHOLE_CODE_LINKS_AT_MOST)
    // Every link to a code is either the article or the code: no other Légifrance code page slips in unlabelled.
    for (const { where, r } of allReferences.filter(({ r }) => r.url.includes('legifrance.gouv.fr/codes/'))) {
      expect(isArticleLink(r.url) || isWholeCodeLink(r.url), `${where} : ${r.url}`).toBe(true)
    }
  })

  it('donne à un article un seul lien, et à un code un seul identifiant', () => {
    const articleUrls = new Map<string, string>()
    const articleOf = new Map<string, string>()
    for (const { where, r } of allReferences.filter(({ r }) => isArticleLink(r.url))) {
      const key = `${r.code} ${r.article}`
      // The same article cited twice has the same link; one Légifrance article is never two articles here.
      expect(articleUrls.get(key) ?? r.url, `${where} : ${key}`).toBe(r.url)
      expect(articleOf.get(r.url) ?? key, `${where} : ${r.url}`).toBe(key)
      articleUrls.set(key, r.url)
      articleOf.set(r.url, key)
    }
    const codeIds = new Map<string, string>()
    for (const { where, r } of allReferences) {
      const id = /\/codes\/texte_lc\/(LEGITEXT\d{12})\/$/.exec(r.url)?.[1]
      if (!id) continue
      // One code, one Légifrance identifier: a typo in one link shows here.
      expect(codeIds.get(r.code) ?? id, `${where} : ${r.code}`).toBe(id)
      codeIds.set(r.code, id)
    }
  })

  it('refuse une obligation sans source, une source sans lien ou sans date, un lien hors des sites officiels', () => {
    const base = {
      id: 'x',
      question: 'La commune fait-elle ceci ?',
      kind: 'obligation',
      weight: 3,
      nextStep: 'Faire ceci dès que possible.',
    }
    const source = {
      code: 'CGCT',
      article: 'L1',
      url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/',
      checkedOn: '2026-12-01',
    }
    expect(criterionSchema.safeParse({ ...base, legalBasis: [] }).success).toBe(false)
    expect(criterionSchema.safeParse({ ...base, legalBasis: [{ code: 'CGCT', article: 'L1' }] }).success).toBe(false)
    expect(criterionSchema.safeParse({ ...base, legalBasis: [{ ...source, checkedOn: undefined }] }).success).toBe(false)
    expect(criterionSchema.safeParse({ ...base, legalBasis: [{ ...source, url: 'https://exemple.fr/article' }] }).success).toBe(false)
    expect(criterionSchema.safeParse({ ...base, legalBasis: [{ ...source, url: 'http://www.legifrance.gouv.fr/x' }] }).success).toBe(false)
    expect(criterionSchema.safeParse({ ...base, legalBasis: [source] }).success).toBe(true)
  })

  it('refuse « lien vers le code » sur un lien qui ne mène pas au code', () => {
    const code = { code: 'CGCT', article: 'L1', url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/', checkedOn: '2026-12-01' }
    expect(legalReferenceSchema.safeParse({ ...code, linksTo: 'code' }).success).toBe(true)
    expect(
      legalReferenceSchema.safeParse({ ...code, url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000000000000', linksTo: 'code' })
        .success,
    ).toBe(false)
    expect(legalReferenceSchema.safeParse({ ...code, linksTo: 'article' }).success).toBe(false)
  })

  it('refuse une échéance annuelle qui ne dit pas ce qu’elle devient l’année du renouvellement', () => {
    const deadline = {
      id: 'x',
      title: 'Une échéance',
      description: 'Une échéance de test.',
      legalBasis: [
        { code: 'CGCT', article: 'L1', url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070633/', checkedOn: '2026-12-01' },
      ],
    }
    expect(deadlineSchema.safeParse({ ...deadline, recurrence: { type: 'yearly', month: 4, day: 15 } }).success).toBe(false)
    expect(deadlineSchema.safeParse({ ...deadline, recurrence: { type: 'yearly', month: 4, day: 15, renewalYear: 'unchanged' } }).success).toBe(true)
    for (const d of referentiel.deadlines) {
      if (d.recurrence.type === 'yearly') expect(d.recurrence.renewalYear, d.id).toBeDefined()
    }
  })

  it('donne aux échéances liées au budget la règle du budget l’année du renouvellement', () => {
    const budget = referentiel.deadlines.find((d) => d.id === 'vote-budget')!.recurrence
    for (const d of referentiel.deadlines.filter((x) => x.legalBasis.some((r) => r.code === 'Code général des impôts' && r.article === '1639 A'))) {
      expect(d.recurrence, d.id).toEqual(budget)
    }
  })
})
