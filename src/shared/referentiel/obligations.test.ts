import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateApplicability } from './applicability'
import { applicabilityContext, communeProfileSchema, type ApplicabilityContext, type CommuneProfileInput } from './profile'
import { referentielSchema, type Criterion, type Deadline } from './schema'

/**
 * Which obligations apply to real communes. The expected lists are written here from the law (each line says why),
 * not computed from the référentiel: a change of threshold or condition in the content must break this test.
 */

const referentiel = referentielSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/referentiel/referentiel.json', import.meta.url)), 'utf8')),
)
const criteria = new Map<string, Criterion>(referentiel.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria.map((c) => [c.id, c] as const))))
const deadlines = new Map<string, Deadline>(referentiel.deadlines.map((d) => [d.id, d]))

interface DirectoryCommune {
  code: string
  nom: string
  type: string
  region?: string
  population?: number
}
const require = createRequire(import.meta.url)
const directory = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8')) as DirectoryCommune[]

function commune(code: string): {
  nom: string
  population: number
  region: string
} {
  const found = directory.find((c) => c.code === code && c.type === 'commune-actuelle')
  if (!found || found.population === undefined || found.region === undefined) throw new Error(`commune ${code} absente de l’annuaire`)
  return { nom: found.nom, population: found.population, region: found.region }
}

function contextOf(population: number | null, region: string, profile: CommuneProfileInput = {}): ApplicabilityContext {
  return applicabilityContext({ totale: population, municipale: population }, region, communeProfileSchema.parse(profile))
}

function criterion(id: string): Criterion {
  const c = criteria.get(id)
  if (!c) throw new Error(`critère ${id} absent du référentiel`)
  return c
}

function applies(id: string, context: ApplicabilityContext): boolean {
  return evaluateApplicability(criterion(id).appliesWhen, context).applies
}

function reason(id: string, context: ApplicabilityContext): string {
  return evaluateApplicability(criterion(id).appliesWhen, context).reason
}

function applicableObligations(context: ApplicabilityContext): string[] {
  return [...criteria.values()]
    .filter((c) => c.kind === 'obligation' && evaluateApplicability(c.appliesWhen, context).applies)
    .map((c) => c.id)
    .sort()
}

/** Obligations of every commune, whatever its size and profile. */
const EVERY_COMMUNE = [
  'conseil-trimestriel', // CGCT L2121-7
  'charte-elu-lue', // CGCT L2121-7
  'registre-deliberations', // CGCT R2121-9
  'proces-verbal-publie', // CGCT L2121-15
  'liste-deliberations-affichee', // CGCT L2121-25
  'transmission-prefecture', // CGCT L2131-1, L2131-2
  'formation-deliberation', // CGCT L2123-12
  'formation-budget-2-pourcent', // CGCT L2123-14
  'formation-elus-delegues', // CGCT L2123-12 : toutes les communes depuis la loi 2019-1461
  'referent-deontologue', // CGCT L1111-1-1
  'delegations-compte-rendu', // CGCT L2122-23
  'registres-etat-civil', // Code civil art. 40
  'commission-controle-listes', // Code électoral L19
  'panneaux-electoraux', // Code électoral L51
  'recensement-population', // loi 2002-276 art. 156
  'recensement-citoyen', // Code du service national L113-1
  'archives-conservees', // Code du patrimoine L212-6
  'budget-vote-delai', // CGCT L1612-2
  'presentation-synthetique', // CGCT L2313-1
  'compte-vote-30-juin', // CGCT L1612-12
  'taux-votes', // CGI 1639 A
  'bases-fiscales', // CGI 1650 : une commission communale des impôts directs dans chaque commune
  'delai-paiement-30-jours', // CCP R2192-10
  'sve-urbanisme', // CRPA L112-8
  'adressage-ban', // CGCT L2121-30 (II, loi 3DS), L2213-28
  'zero-phyto', // Code rural L253-7
  'dossier-technique-amiante', // CSP R1334-29-5 (bâtiments antérieurs à juillet 1997)
  'deci-arrete', // CGCT L2213-32, R2225-4 (pouvoir de police du maire)
  'liste-enfants-scolarises', // Code de l'éducation L131-6
  'inscriptions-scolaires', // Code de l'éducation L131-5
  'domiciliation', // CASF L264-1, L123-4
  'registre-vulnerables', // CASF L121-6-1
  'fourriere-animale', // Code rural L211-24
  'convention-23000', // loi 2000-321 art. 10 (si une association reçoit plus de 23 000 €)
  'dimanches-maire', // Code du travail L3132-26 (si le maire accorde des dimanches)
  'communication-documents', // CRPA L311-1, CGCT L2121-26
  'dpo-designe', // RGPD art. 37
  'registre-traitements', // RGPD art. 30
  'saisine-electronique', // CRPA L112-8
  'rapport-epci-presente', // CGCT L5211-39
  'compte-rendu-delegues', // CGCT L5211-39
]

/** Obligations of every employer (CT R4121-1, R4121-2 2° et 3° ; décret 85-603 art. 3, 4, 5, 11). */
const EMPLOYER = ['duerp-etabli', 'duerp-mise-a-jour-changements', 'assistant-prevention', 'acfi', 'medecine-preventive']

/** Obligations of an owner of ERP (CCH L161-1 ; décret 2017-431 ; loi 2018-527 et décret 2018-1186). */
const ERP_OWNER = ['erp-accessibilite', 'registre-public-accessibilite', 'dae-erp']

/** Obligations of a commune of 3 500 inhabitants or more. */
const FROM_3500 = [
  'convocation-5-jours-note', // CGCT L2121-12
  'publication-electronique', // CGCT L2131-1
  'dob-tenu', // CGCT L2312-1
  'amortissements', // CGCT L2321-2
  'instruction-dematerialisee', // Code de l'urbanisme L423-3 (plus de 3 500)
]

/** Obligations of a commune with a public school and a canteen. */
const SCHOOL_AND_CANTEEN = [
  'ecole-depenses', // Code de l'éducation L212-4, L212-5
  'service-accueil-greve', // Code de l'éducation L133-4
  'qualite-air-ecoles', // Code de l'environnement L221-8
  'egalim-50-20', // Code rural L230-5-1
  'menu-vegetarien', // Code rural L230-5-6
]

const sorted = (ids: string[]): string[] => [...ids].sort()

const fauxVillecerf = commune('10145')
const viviers = commune('07346')
const septemes = commune('13106')

describe(`${fauxVillecerf.nom} (Aube, INSEE 10145) : une commune rurale de ${fauxVillecerf.population} habitants`, () => {
  // Une secrétaire de mairie à temps partiel, une mairie et une salle des fêtes (ERP), un cimetière, pas d'école ni de
  // site internet ; eau et assainissement confiés à un syndicat, déchets et économie à la communauté de communes ;
  // aucun risque majeur recensé ; pas d'adjoint chargé de la sécurité civile.
  const context = contextOf(fauxVillecerf.population, fauxVillecerf.region, {
    agentsFte: 0.5,
    facilities: { erp: true, cemetery: true },
    transferredCompetences: ['eau', 'assainissement', 'dechets', 'gemapi', 'mobilite', 'tourisme', 'developpement_economique'],
  })

  it('a la population et la région de l’annuaire', () => {
    expect(fauxVillecerf).toEqual({
      nom: 'Faux-Villecerf',
      population: 215,
      region: '44',
    })
  })

  it('doit exactement ces obligations', () => {
    expect(applicableObligations(context)).toEqual(
      sorted([
        ...EVERY_COMMUNE,
        ...EMPLOYER,
        ...ERP_OWNER,
        'convocation-3-jours', // CGCT L2121-11 : moins de 3 500 habitants
        'questions-orales-deliberation', // CGCT L2121-19 : moins de 1 000 habitants
        'mode-publication-choisi', // CGCT L2131-1 : moins de 3 500 habitants
        'ossuaire', // CGCT L2223-4 : cimetière communal
        'voirie-entretien-budget', // CGCT L2321-2 : voirie non transférée
        'deci-controles', // CGCT L2225-2 : défense incendie non transférée
        'correspondant-incendie-secours', // loi 2021-1520 art. 13 : pas d'élu chargé de la sécurité civile
      ]),
    )
  })

  it('n’est pas tenue aux obligations des communes plus grandes, et dit pourquoi', () => {
    expect(reason('dob-tenu', context)).toMatch(
      /^Ne concerne que les communes de 3\s500 habitants ou plus en population totale \(la vôtre en compte 215\)\.$/,
    )
    expect(reason('reglement-interieur-adopte', context)).toMatch(/1\s000 habitants ou plus en population totale \(la vôtre en compte 215\)/)
    expect(reason('ccas-cree', context)).toMatch(/1\s500 habitants ou plus en population totale \(la vôtre en compte 215\)/)
    expect(reason('pave', context)).toMatch(/1\s000 habitants ou plus/)
    expect(reason('site-cineraire', context)).toMatch(/2\s000 habitants ou plus en population totale \(la vôtre en compte 215\)/)
    expect(reason('rpqs-eau', context)).toBe('La compétence « eau potable » a été transférée à l’intercommunalité.')
    expect(reason('tri-biodechets', context)).toBe('La compétence « collecte et traitement des déchets » a été transférée à l’intercommunalité.')
    expect(reason('pcs-adopte', context)).toMatch(
      /^Aucune de ces conditions n’est remplie : .*plan de prévention des risques naturels.*feux de forêt\.$/,
    )
    expect(reason('dicrim', context)).toBe('Ne concerne que les communes exposées à au moins un risque majeur.')
    expect(reason('ecole-depenses', context)).toBe('Ne concerne que les communes qui ont une école publique.')
  })

  it('voit les bonnes pratiques adaptées à sa taille', () => {
    expect(applies('reglement-interieur-petite-commune', context)).toBe(true)
    expect(applies('pave-petite-commune', context)).toBe(true)
    expect(applies('pcs-volontaire', context)).toBe(true)
    expect(applies('action-sociale-sans-ccas', context)).toBe(true)
  })
})

describe(`${viviers.nom} (Ardèche, INSEE 07346) : une petite ville de ${viviers.population} habitants en zone inondable`, () => {
  // 35 agents, école avec cantine, cimetière, CCAS, site internet ; plan de prévention du risque d'inondation du Rhône
  // approuvé ; eau et assainissement gérés par la commune ; déchets, GEMAPI, tourisme et économie à l'intercommunalité ;
  // un adjoint chargé de la sécurité civile.
  const context = contextOf(viviers.population, viviers.region, {
    agentsFte: 35,
    facilities: {
      erp: true,
      school: true,
      canteen: true,
      cemetery: true,
      ccas: true,
      website: true,
    },
    risks: { pprn: true, seismicZone: 3 },
    transferredCompetences: ['dechets', 'gemapi', 'mobilite', 'tourisme', 'developpement_economique'],
    civilSecurityDelegate: true,
  })

  it('a la population et la région de l’annuaire', () => {
    expect(viviers).toEqual({ nom: 'Viviers', population: 3633, region: '84' })
  })

  it('doit exactement ces obligations', () => {
    expect(applicableObligations(context)).toEqual(
      sorted([
        ...EVERY_COMMUNE,
        ...EMPLOYER,
        ...ERP_OWNER,
        ...FROM_3500,
        ...SCHOOL_AND_CANTEEN,
        'duerp-a-jour', // CT R4121-2 1° : au moins 11 agents
        'reglement-interieur-adopte', // CGCT L2121-8 : 1 000 habitants et plus
        'tribune-opposition', // CGCT L2121-27-1 : 1 000 habitants et plus
        'pave', // loi 2005-102 art. 45
        'ccas-cree', // CASF L123-4 : 1 500 habitants et plus
        'analyse-besoins-sociaux', // CASF R123-1
        'site-cineraire', // CGCT L2223-1 : 2 000 habitants et plus
        'ossuaire', // CGCT L2223-4
        'voirie-entretien-budget', // CGCT L2321-2
        'deci-controles', // CGCT L2225-2
        'schema-distribution-eau', // CGCT L2224-7-1
        'perimetres-captages', // CSP L1321-2
        'rpqs-eau', // CGCT L2224-5
        'zonage-assainissement', // CGCT L2224-10
        'schema-assainissement', // CGCT L2224-8
        'spanc-controles', // CGCT L2224-8
        'rpqs-assainissement', // CGCT L2224-5
        'pcs-adopte', // CSI L731-3 : PPRN approuvé (et zone de sismicité 3)
        'dicrim', // C. env. R125-11
        'information-biennale-pprn', // C. env. L125-2
        'declaration-accessibilite', // loi 2005-102 art. 47
      ]),
    )
  })

  it('n’est pas tenue aux obligations qui ne la concernent pas, et dit pourquoi', () => {
    expect(reason('open-data', context)).toBe('Ne concerne que les communes qui emploient au moins 50 agents en équivalents temps plein.')
    expect(reason('rob-personnel', context)).toMatch(/plus de 10\s000 habitants en population totale \(la vôtre en compte 3\s633\)/)
    expect(reason('convocation-3-jours', context)).toMatch(/moins de 3\s500 habitants en population totale \(la vôtre en compte 3\s633\)/)
    expect(reason('correspondant-incendie-secours', context)).toBe(
      'Ne concerne pas les communes dont un adjoint ou un conseiller délégué est chargé de la sécurité civile.',
    )
    expect(reason('sru-taux', context)).toMatch(/article 55 de la loi SRU/)
    expect(reason('debroussaillement-controle', context)).toBe('Ne concerne que les communes exposées au risque de feux de forêt.')
  })
})

describe(`${septemes.nom} (Bouches-du-Rhône, INSEE 13106) : une ville de ${septemes.population} habitants de la métropole`, () => {
  // 120 agents, police municipale, école et cantine, CCAS ; territoire à risque important d'inondation et massif
  // exposé aux feux de forêt, sans PPRN (zone de sismicité 2) ; soumise à l'article 55 de la loi SRU ; eau,
  // assainissement, déchets, urbanisme, voirie, habitat et défense incendie exercés par la métropole.
  const context = contextOf(septemes.population, septemes.region, {
    agentsFte: 120,
    facilities: {
      erp: true,
      school: true,
      canteen: true,
      cemetery: true,
      tertiary1000: true,
      municipalPolice: true,
      ccas: true,
      website: true,
    },
    risks: { tri: true, forestFire: true, seismicZone: 2 },
    transferredCompetences: [
      'eau',
      'assainissement',
      'dechets',
      'urbanisme',
      'voirie',
      'gemapi',
      'mobilite',
      'tourisme',
      'developpement_economique',
      'habitat',
      'defense_incendie',
    ],
    sruConcerned: true,
    civilSecurityDelegate: true,
  })

  it('a la population et la région de l’annuaire', () => {
    expect(septemes).toEqual({
      nom: 'Septèmes-les-Vallons',
      population: 11995,
      region: '93',
    })
  })

  it('doit exactement ces obligations', () => {
    expect(applicableObligations(context)).toEqual(
      sorted([
        ...EVERY_COMMUNE,
        ...EMPLOYER,
        ...ERP_OWNER,
        ...FROM_3500,
        ...SCHOOL_AND_CANTEEN,
        'reglement-interieur-adopte', // CGCT L2121-8
        'tribune-opposition', // CGCT L2121-27-1
        'pave', // loi 2005-102 art. 45
        'ccas-cree', // CASF L123-4
        'analyse-besoins-sociaux', // CASF R123-1
        'site-cineraire', // CGCT L2223-1
        'ossuaire', // CGCT L2223-4
        'duerp-a-jour', // CT R4121-2 1° : au moins 11 agents
        'decret-tertiaire-operat', // CCH L174-1, R174-22 : 1 000 m² de surface tertiaire
        'rob-personnel', // CGCT L2312-1 : plus de 10 000 habitants
        'prada', // CRPA R330-2 : 10 000 habitants et plus
        'clspd', // CSI L132-4 : plus de 5 000 habitants (loi 2021-646)
        'convention-coordination', // CSI L512-4 : police municipale
        'open-data', // CRPA L312-1-1 : 3 500 habitants et 50 agents
        'cst-propre', // CGFP L251-5, R251-32 : au moins 50 agents (effectif)
        'sru-taux', // CCH L302-5
        'sru-inventaire', // CCH L302-6
        'pcs-adopte', // CSI L731-3 : TRI et feux de forêt (loi 2021-1520), sans PPRN
        'dicrim', // C. env. R125-11
        'debroussaillement-controle', // Code forestier L134-6
        'declaration-accessibilite', // loi 2005-102 art. 47
      ]),
    )
  })

  it('n’exerce plus les compétences transférées à la métropole', () => {
    for (const id of ['voirie-entretien-budget', 'deci-controles', 'rpqs-eau', 'rpqs-assainissement', 'zonage-assainissement', 'tri-biodechets']) {
      expect(applies(id, context), id).toBe(false)
      expect(reason(id, context), id).toMatch(/^La compétence « .+ » a été transférée à l’intercommunalité\.$/)
    }
    expect(applies('deci-arrete', context)).toBe(true)
    expect(reason('information-biennale-pprn', context)).toMatch(/plan de prévention des risques naturels/)
    expect(reason('conseils-quartier-crees', context)).toMatch(/80\s000 habitants ou plus en population totale \(la vôtre en compte 11\s995\)/)
  })
})

describe('seuils de population', () => {
  const at = (population: number, region = '44', profile: CommuneProfileInput = {}): ApplicabilityContext => contextOf(population, region, profile)

  it('règlement intérieur : obligatoire à partir de 1 000 habitants (CGCT L2121-8)', () => {
    expect(applies('reglement-interieur-adopte', at(999))).toBe(false)
    expect(applies('reglement-interieur-adopte', at(1000))).toBe(true)
    expect(applies('questions-orales-deliberation', at(999))).toBe(true)
    expect(applies('questions-orales-deliberation', at(1000))).toBe(false)
    expect(applies('tribune-opposition', at(999))).toBe(false)
    expect(applies('tribune-opposition', at(1000))).toBe(true)
    expect(applies('pave', at(999))).toBe(false)
    expect(applies('pave', at(1000))).toBe(true)
  })

  it('débat d’orientation budgétaire et convocation : le seuil de 3 500 habitants (CGCT L2312-1, L2121-11, L2121-12)', () => {
    expect(applies('dob-tenu', at(3499))).toBe(false)
    expect(applies('dob-tenu', at(3500))).toBe(true)
    expect(applies('convocation-3-jours', at(3499))).toBe(true)
    expect(applies('convocation-3-jours', at(3500))).toBe(false)
    expect(applies('convocation-5-jours-note', at(3499))).toBe(false)
    expect(applies('convocation-5-jours-note', at(3500))).toBe(true)
    expect(applies('publication-electronique', at(3499))).toBe(false)
    expect(applies('publication-electronique', at(3500))).toBe(true)
    expect(applies('mode-publication-choisi', at(3499))).toBe(true)
    expect(applies('mode-publication-choisi', at(3500))).toBe(false)
  })

  it('CCAS : obligatoire à partir de 1 500 habitants (CASF L123-4)', () => {
    expect(applies('ccas-cree', at(1499))).toBe(false)
    expect(applies('ccas-cree', at(1500))).toBe(true)
    expect(reason('ccas-cree', at(1499))).toMatch(/1\s500 habitants ou plus en population totale \(la vôtre en compte 1\s499\)/)
    // Une commune de moins de 1 500 habitants qui a gardé son CCAS en suit les règles.
    expect(applies('analyse-besoins-sociaux', at(1499))).toBe(false)
    expect(applies('analyse-besoins-sociaux', at(1499, '44', { facilities: { ccas: true } }))).toBe(true)
  })

  it('loi SRU : 3 500 habitants, 1 500 en Île-de-France, seulement dans une agglomération ou intercommunalité visée (CCH L302-5)', () => {
    const sru = { sruConcerned: true }
    expect(applies('sru-taux', at(1500, '11', sru))).toBe(true)
    expect(applies('sru-taux', at(1499, '11', sru))).toBe(false)
    expect(applies('sru-taux', at(1500, '84', sru))).toBe(false)
    expect(applies('sru-taux', at(3499, '84', sru))).toBe(false)
    expect(applies('sru-taux', at(3500, '84', sru))).toBe(true)
    expect(applies('sru-taux', at(50000, '11', { sruConcerned: false }))).toBe(false)
  })

  it('CLSPD : plus de 5 000 habitants (CSI L132-4)', () => {
    expect(applies('clspd', at(5000))).toBe(false)
    expect(applies('clspd', at(5001))).toBe(true)
    expect(applies('prevention-partenariats', at(5000))).toBe(true)
  })

  it('open data : 3 500 habitants et 50 agents (CRPA L312-1-1)', () => {
    expect(applies('open-data', at(3500, '44', { agentsFte: 50 }))).toBe(true)
    expect(applies('open-data', at(3499, '44', { agentsFte: 50 }))).toBe(false)
    expect(applies('open-data', at(3500, '44', { agentsFte: 49.5 }))).toBe(false)
  })

  it('une population inconnue ne fait appliquer ni « moins de 3 500 » ni « 3 500 et plus », et demande le chiffre', () => {
    const unknown = contextOf(null, '44')
    expect(applies('dob-tenu', unknown)).toBe(false)
    expect(applies('convocation-3-jours', unknown)).toBe(false)
    expect(applies('convocation-5-jours-note', unknown)).toBe(false)
    expect(reason('dob-tenu', unknown)).toMatch(/indiquez la population de la commune dans Paramètres/)
  })
})

describe('plan communal de sauvegarde (CSI L731-3, loi 2021-1520)', () => {
  const risk = (risks: CommuneProfileInput['risks']): ApplicabilityContext => contextOf(500, '44', { risks })

  it('est dû pour chacun des risques prévus par la loi, pris isolément', () => {
    const cases: CommuneProfileInput['risks'][] = [
      { pprn: true },
      { ppi: true },
      { tri: true },
      { forestFire: true },
      { seismicZone: 3 },
      { seismicZone: 5 },
      { volcanic: true },
      { cyclonic: true },
    ]
    for (const risks of cases) expect(applies('pcs-adopte', risk(risks)), JSON.stringify(risks)).toBe(true)
  })

  it('n’est pas dû pour la seule zone de sismicité 2 ou un autre risque du DDRM, mais le DICRIM l’est', () => {
    expect(applies('pcs-adopte', risk({ seismicZone: 2 }))).toBe(false)
    expect(applies('pcs-adopte', risk({ otherMajorRisk: true }))).toBe(false)
    expect(applies('dicrim', risk({ otherMajorRisk: true }))).toBe(true)
    expect(applies('dicrim', risk({ seismicZone: 2 }))).toBe(false)
    expect(applies('pcs-volontaire', risk({ otherMajorRisk: true }))).toBe(true)
    expect(applies('pcs-volontaire', risk({ tri: true }))).toBe(false)
  })
})

describe('échéances', () => {
  const small = contextOf(fauxVillecerf.population, fauxVillecerf.region, {
    transferredCompetences: ['eau'],
  })
  const deadlineApplies = (id: string, context: ApplicabilityContext): boolean => {
    const d = deadlines.get(id)
    if (!d) throw new Error(`échéance ${id} absente`)
    return evaluateApplicability(d.appliesWhen, context).applies
  }

  it('ne montre à une commune de 215 habitants ni le débat d’orientation budgétaire ni le règlement intérieur', () => {
    expect(deadlineApplies('vote-budget', small)).toBe(true)
    expect(deadlineApplies('seance-trimestrielle', small)).toBe(true)
    expect(deadlineApplies('debat-orientation-budgetaire', small)).toBe(false)
    expect(deadlineApplies('reglement-interieur', small)).toBe(false)
    expect(deadlineApplies('mise-a-jour-duerp', small)).toBe(false)
    expect(deadlineApplies('commission-impots-directs', small)).toBe(true)
    expect(deadlineApplies('declaration-operat', small)).toBe(false)
    expect(deadlineApplies('rpqs-eau', small)).toBe(false)
    expect(deadlineApplies('rpqs-assainissement', small)).toBe(true)
    expect(deadlineApplies('correspondant-incendie-secours', small)).toBe(true)
  })

  it('suit les dates légales', () => {
    expect(deadlines.get('vote-budget')?.recurrence).toEqual({
      type: 'yearly',
      month: 4,
      day: 15,
      renewalYear: { month: 4, day: 30 },
    })
    expect(deadlines.get('vote-compte')?.recurrence).toEqual({ type: 'yearly', month: 6, day: 30, renewalYear: 'unchanged' })
    expect(deadlines.get('rpqs-eau')?.recurrence).toEqual({ type: 'yearly', month: 9, day: 30, renewalYear: 'unchanged' })
    expect(deadlines.get('deliberation-formation-elus')?.recurrence).toEqual({ type: 'afterInstallation', months: 3 })
    expect(deadlines.get('correspondant-incendie-secours')?.recurrence).toEqual({ type: 'afterInstallation', months: 6 })
  })
})

/**
 * The errors a legal review of version 2026.1 found (issue 10), one test each: each failed on 2026.1 and the text
 * relied on is cited in the référentiel next to the rule.
 */
describe('erreurs relevées par la revue juridique de la version 2026.1', () => {
  const at = (population: number, profile: CommuneProfileInput = {}) => contextOf(population, '44', profile)

  it('rob-personnel : « plus de 10 000 habitants » (CGCT L2312-1, D2312-3 B) — une commune de 10 000 n’est pas concernée', () => {
    expect(applies('rob-personnel', at(10000))).toBe(false)
    expect(applies('rob-personnel', at(10001))).toBe(true)
  })

  it('clspd : aussi toute commune comprenant un quartier prioritaire de la politique de la ville (CSI L132-4, loi 2024-247)', () => {
    expect(applies('clspd', at(800, { qpv: true }))).toBe(true)
    expect(applies('clspd', at(800))).toBe(false)
    expect(applies('prevention-partenariats', at(800, { qpv: true }))).toBe(false)
    expect(criterion('clspd').legalBasis[0]!.summary).toMatch(/quartier prioritaire/)
  })

  it('DUERP : mise à jour annuelle à partir de 11 agents seulement, à chaque changement en dessous (CT R4121-2, décret 2022-395)', () => {
    expect(applies('duerp-a-jour', at(215, { agentsHeadcount: 10 }))).toBe(false)
    expect(applies('duerp-a-jour', at(215, { agentsHeadcount: 11 }))).toBe(true)
    expect(applies('duerp-mise-a-jour-changements', at(215, { agentsHeadcount: 1 }))).toBe(true)
    const yearly = deadlines.get('mise-a-jour-duerp')!
    expect(evaluateApplicability(yearly.appliesWhen, at(215, { agentsHeadcount: 10 })).applies).toBe(false)
    expect(evaluateApplicability(yearly.appliesWhen, at(215, { agentsHeadcount: 11 })).applies).toBe(true)
  })

  it('budget non voté : la chambre régionale des comptes propose, le préfet règle le budget et le rend exécutoire (CGCT L1612-2)', () => {
    const help = criterion('budget-vote-delai').help!
    expect(help).toMatch(/chambre régionale des comptes, qui formule des propositions/)
    expect(help).toMatch(/le préfet règle alors le budget et le rend exécutoire/)
    expect(help).not.toMatch(/qui règle le budget à la place/)
  })

  it('taux de fiscalité : 30 avril l’année du renouvellement, comme le budget (CGI 1639 A)', () => {
    expect(deadlines.get('taux-fiscalite')!.recurrence).toEqual({ type: 'yearly', month: 4, day: 15, renewalYear: { month: 4, day: 30 } })
    expect(deadlines.get('taux-fiscalite')!.recurrence).toEqual(deadlines.get('vote-budget')!.recurrence)
  })

  it('débat d’orientation budgétaire : une fenêtre de deux mois avant la séance budgétaire, pas le 15 février (CGCT L2312-1)', () => {
    expect(deadlines.get('debat-orientation-budgetaire')!.recurrence).toEqual({ type: 'beforeBudget', months: 2 })
  })

  it('instruction dématérialisée : la population totale, « supérieur à 3 500 » (Code de l’urbanisme L423-3)', () => {
    expect(criterion('instruction-dematerialisee').appliesWhen).toEqual({ population: { measure: 'totale', moreThan: 3500 } })
    expect(criterion('instruction-dematerialisee').help).toMatch(/population totale/)
    // The rule reads the population totale, not the municipale.
    const split = applicabilityContext({ totale: 3520, municipale: 3480 }, '44', communeProfileSchema.parse({}))
    expect(evaluateApplicability(criterion('instruction-dematerialisee').appliesWhen, split).applies).toBe(true)
  })

  it('comité social territorial : 50 agents comptés en effectif, tous temps de travail (CGFP L251-5, R251-32)', () => {
    expect(applies('cst-propre', at(3000, { agentsHeadcount: 55, agentsFte: 30 }))).toBe(true)
    expect(applies('cst-propre', at(3000, { agentsHeadcount: 49, agentsFte: 49 }))).toBe(false)
    expect(criterion('cst-propre').legalBasis.map((r) => r.article)).toContain('R251-32')
  })

  it('registre public d’accessibilité : sa propre base (décret n° 2017-431), pas seulement CCH L161-1', () => {
    expect(criterion('registre-public-accessibilite').legalBasis.map((r) => r.code)).toContain('Décret n° 2017-431')
  })

  it('charte de l’élu local : articles L1111-13 et L1111-14 (loi n° 2025-1249) ; le référent déontologue dit ce qui n’a pu être vérifié', () => {
    expect(criterion('charte-elu-lue').legalBasis.map((r) => r.article)).toEqual(['L2121-7', 'L1111-13', 'L1111-14'])
    expect(criterion('referent-deontologue').legalBasis[0]!.note).toMatch(/n’a pas pu être confirmé/)
  })

  it('information biennale : PPRN prescrit ou approuvé (C. env. L125-2), le PCS restant lié au PPRN approuvé', () => {
    expect(applies('information-biennale-pprn', at(500, { risks: { pprnPrescribed: true } }))).toBe(true)
    expect(applies('pcs-adopte', at(500, { risks: { pprnPrescribed: true } }))).toBe(false)
  })

  it('vote du budget : transmission au préfet quinze jours après la date limite (CGCT L1612-8)', () => {
    expect(deadlines.get('vote-budget')!.legalBasis.map((r) => r.article)).toEqual(['L1612-2', 'L1612-8'])
    expect(deadlines.get('vote-budget')!.description).toMatch(/quinze jours après cette date limite/)
  })

  it('dimanches des commerces : « avant le 31 décembre », donc le 30 au plus tard (Code du travail L3132-26)', () => {
    expect(deadlines.get('dimanches-commerces')!.recurrence).toEqual({ type: 'yearly', month: 12, day: 30, renewalYear: 'unchanged' })
  })

  it('commission communale des impôts directs : obligatoire dans toute commune (CGI 1650), avec son échéance après le renouvellement', () => {
    expect(criterion('bases-fiscales').kind).toBe('obligation')
    expect(applies('bases-fiscales', at(215))).toBe(true)
    expect(deadlines.get('commission-impots-directs')!.recurrence).toEqual({ type: 'afterInstallation', months: 2 })
  })

  it('CCAS et analyse des besoins sociaux : leurs échéances après le renouvellement (CASF R123-10, R123-1)', () => {
    expect(deadlines.get('conseil-administration-ccas')!.recurrence).toEqual({ type: 'afterInstallation', months: 2 })
    expect(deadlines.get('analyse-besoins-sociaux')!.recurrence).toEqual({ type: 'yearAfterRenewal', month: 12, day: 31 })
  })

  it('OPERAT : seulement avec 1 000 m² de surface tertiaire, une question du profil (CCH L174-1, R174-22)', () => {
    expect(applies('decret-tertiaire-operat', at(215, { facilities: { erp: true } }))).toBe(false)
    expect(applies('decret-tertiaire-operat', at(215, { facilities: { erp: true, tertiary1000: true } }))).toBe(true)
  })

  it('plan communal de sauvegarde : les sigles gardent leurs majuscules dans la raison affichée', () => {
    const why = reason('pcs-adopte', at(215))
    expect(why).toMatch(/\(PPRN\)/)
    expect(why).toMatch(/\(PPI\)/)
    expect(why).toMatch(/\(TRI\)/)
    expect(why).not.toMatch(/\((pprn|ppi|tri)\)/)
  })
})
