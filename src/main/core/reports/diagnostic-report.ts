/**
 * The diagnostic report: summary figures, radar and bars, blocking obligations, strengths and weaknesses, the
 * comparison with an earlier campaign or snapshot, then every domain and theme with the answers and comments.
 */
import type { Content } from 'pdfmake/interfaces'
import { scoreBarsConfig, scoreRadarConfig, evolutionBarsConfig } from '../../../shared/charts/configs'
import { ANSWER_STATUS_LABELS, type Answer, type Comparison, type PeerComparison, type ScoreTree } from '../../../shared/contract'
import { legalBasisText, legalReferenceLabel } from '../../../shared/referentiel/legal'
import type { LegalReference, Referentiel } from '../../../shared/referentiel/schema'
import { criterionApplicability, type Applicability } from '../../../shared/referentiel/applicability'
import { formatDate, formatDateTime, formatInteger, formatPercent } from '../../../shared/format'
import { campaignFrozen, communeContext, getCampaignRow } from '../diagnostic/read'
import { splitObligations } from '../../../shared/diagnostic-counts'
import { SCORING_EXPLAINED } from '../../../shared/scoring-explained'
import { chartSvg } from './charts'
import type { ReportContext, ReportPart } from './context'
import { chart, CONTENT_WIDTH, emptyNote, figures, h1, h2, h3, paragraph, table } from './layout'

type ScoreSource = { campaignId: number } | { snapshotId: number }

export interface DiagnosticOptions {
  campaignId: number
  /** null: the automatic choice; 'none': no comparison part at all. */
  compareWith: ScoreSource | 'none' | null
  /** The council pack prints the summary only, not every criterion. */
  details: boolean
}

/** Previous campaign, else the latest snapshot of another campaign, else nothing. */
async function defaultComparison(context: ReportContext, campaignId: number): Promise<ScoreSource | null> {
  const campaigns = await context.read('campaigns.list', {})
  const index = campaigns.findIndex((c) => c.id === campaignId)
  const previous = index >= 0 ? campaigns.slice(index + 1)[0] : undefined
  if (previous) return { campaignId: previous.id }
  const snapshot = (await context.read('snapshots.list', {})).find((s) => s.campaignId !== campaignId)
  return snapshot ? { snapshotId: snapshot.id } : null
}

function summary(scores: ScoreTree): Content[] {
  const o = scores.overall
  return [
    figures([
      { value: formatPercent(o.done), label: 'Score global (fait)' },
      { value: formatPercent(o.programmed), label: 'Programmé' },
      { value: formatPercent(o.notDone), label: 'Pas fait' },
      { value: formatPercent(o.notAnswered), label: 'Non renseigné' },
    ]),
    paragraph(
      `${o.answeredCriteria} critère${o.answeredCriteria > 1 ? 's' : ''} renseigné${o.answeredCriteria > 1 ? 's' : ''} sur ${o.applicableCriteria} applicable${o.applicableCriteria > 1 ? 's' : ''} à la commune. ` +
        obligationsSentence(scores),
    ),
    ...scoringExplained(),
  ]
}

/** « Comment le score est calculé »: the same text as under the synthesis screen. */
function scoringExplained(): Content[] {
  return [h2(SCORING_EXPLAINED.title), ...SCORING_EXPLAINED.paragraphs.map((p) => ({ text: p, style: 'small', margin: [0, 0, 0, 4] }) as Content)]
}

function charts(scores: ScoreTree): Content[] {
  const domains = scores.domains.filter((d) => d.applies)
  if (domains.length === 0) return [emptyNote('Aucun domaine ne s’applique encore : complétez le profil de la commune pour obtenir les graphiques.')]
  const radar = chartSvg(
    scoreRadarConfig(
      domains.map((d) => d.title),
      [{ label: 'Fait', values: domains.map((d) => d.done) }],
    ),
    440,
    380,
  )
  const bars = chartSvg(scoreBarsConfig(domains.map((d) => ({ label: d.title, ...d }))), CONTENT_WIDTH, domains.length * 24 + 64)
  return [chart('Score par domaine (part faite)', radar), chart('Répartition des réponses par domaine', bars)]
}

/** « 2 obligations légales non remplies ; 40 obligations à renseigner » — unanswered is never counted as unmet. */
export function obligationsSentence(scores: ScoreTree): string {
  const { unmet, toAnswer } = splitObligations(scores.blocking)
  const plural = (n: number) => (n > 1 ? 's' : '')
  const unmetText =
    unmet.length === 0
      ? 'Aucune obligation légale répondue « pas fait » ou en partie'
      : `${unmet.length} obligation${plural(unmet.length)} légale${plural(unmet.length)} non remplie${plural(unmet.length)} (points bloquants)`
  const toAnswerText =
    toAnswer.length === 0 ? 'toutes les obligations sont renseignées' : `${toAnswer.length} obligation${plural(toAnswer.length)} à renseigner`
  return `${unmetText} ; ${toAnswerText}.`
}

/** Each reference as a link to its official text (pdfmake keeps the link clickable in the PDF). */
function linkedReferences(references: LegalReference[]): Content[] {
  return references.flatMap((r, i) => [
    ...(i > 0 ? [{ text: ' ; ' }] : []),
    { text: legalReferenceLabel(r), link: r.url, color: '#000091', decoration: 'underline' as const },
  ]) as Content[]
}

/** The annex: every reference cited by the report, its official link and the day it was last checked. */
export function sourcesAnnex(references: LegalReference[]): Content[] {
  const unique = [...new Map(references.map((r) => [`${r.code}|${r.article}`, r])).values()].sort((a, b) =>
    legalReferenceLabel(a).localeCompare(legalReferenceLabel(b), 'fr', { numeric: true }),
  )
  if (unique.length === 0) return []
  return [
    h2('Sources juridiques citées'),
    paragraph('Chaque référence renvoie au texte officiel (Légifrance) ; la date est celle de sa dernière vérification par Cap Commune.'),
    table(
      [
        { header: 'Référence', width: 150, cell: (r) => ({ text: legalReferenceLabel(r), bold: true }) },
        {
          header: 'Texte officiel',
          width: '*',
          cell: (r) => ({
            text: [
              { text: r.url, link: r.url, color: '#000091' },
              r.linksTo === 'code' ? { text: `\nLien vers le code : l’article ${r.article} s’y cherche par son numéro.`, style: 'small' } : '',
              r.note ? { text: `\nÀ vérifier : ${r.note}`, style: 'small' } : '',
            ],
            fontSize: 7.5,
          }),
        },
        { header: 'Vérifié le', width: 60, cell: (r) => formatDate(r.checkedOn) },
      ],
      unique,
      { fontSize: 8 },
    ),
  ]
}

function findings(scores: ScoreTree): Content[] {
  const { unmet, toAnswer } = splitObligations(scores.blocking)
  const content: Content[] = [h2('Obligations légales non remplies')]
  if (unmet.length === 0) content.push(emptyNote('Aucune obligation répondue « pas fait », en partie ou seulement programmée.'))
  else
    content.push(
      table(
        [
          { header: 'Thème', width: 95, cell: (b) => b.themeTitle },
          { header: 'Obligation', width: '*', cell: (b) => b.question },
          { header: 'Réponse', width: 55, cell: (b) => ANSWER_STATUS_LABELS[b.status] },
          { header: 'Base légale', width: 95, cell: (b) => ({ text: linkedReferences(b.legalBasis), fontSize: 7.5 }) },
          { header: 'Prochaine étape', width: 120, cell: (b) => b.nextStep },
        ],
        unmet,
      ),
    )
  content.push(h2(`Obligations à renseigner (${toAnswer.length})`))
  if (toAnswer.length === 0) content.push(emptyNote('Toutes les obligations applicables ont une réponse.'))
  else
    content.push(
      paragraph('Pas encore de réponse : on ne sait pas encore si elles sont remplies. Elles ne comptent pas comme non remplies.'),
      table(
        [
          { header: 'Thème', width: 110, cell: (b) => b.themeTitle },
          { header: 'Obligation à renseigner', width: '*', cell: (b) => b.question },
          { header: 'Base légale', width: 110, cell: (b) => ({ text: linkedReferences(b.legalBasis), fontSize: 7.5 }) },
        ],
        toAnswer,
        { fontSize: 8 },
      ),
    )
  content.push(h2('Points faibles'))
  if (scores.weaknesses.length === 0) content.push(emptyNote('Aucun point faible relevé pour l’instant.'))
  else
    content.push(
      table(
        [
          {
            header: 'Point',
            width: 150,
            cell: (w) => ({ text: [{ text: w.title, bold: true }, w.kind === 'obligation' ? { text: '\nObligation légale', style: 'small' } : ''] }),
          },
          { header: 'Constat', width: '*', cell: (w) => w.detail },
          { header: 'Score du thème', width: 55, align: 'right', cell: (w) => formatPercent(w.score) },
          { header: 'Prochaine étape', width: 140, cell: (w) => w.nextStep },
        ],
        scores.weaknesses,
      ),
    )
  content.push(h2('Points forts'))
  if (scores.strengths.length === 0)
    content.push(emptyNote('Aucun point fort relevé pour l’instant : un thème l’est à partir de 75 % de critères faits.'))
  else
    content.push(
      table(
        [
          { header: 'Thème', width: 170, cell: (s) => ({ text: s.title, bold: true }) },
          { header: 'Constat', width: '*', cell: (s) => s.detail },
          { header: 'Score', width: 55, align: 'right', cell: (s) => formatPercent(s.score) },
        ],
        scores.strengths,
      ),
    )
  return content
}

function deltaText(delta: number | null): string {
  if (delta === null) return '—'
  if (delta === 0) return '='
  return `${delta > 0 ? '+' : '−'}${formatPercent(Math.abs(delta)).replace(' %', '')} pt${Math.abs(delta) >= 2 ? 's' : ''}`
}

function comparison(result: Comparison | null): Content[] {
  if (!result)
    return [emptyNote('Pas encore de campagne antérieure ni d’instantané à comparer : la comparaison apparaîtra après la prochaine campagne.')]
  const score = (v: number | null) => (v === null ? 'Non concerné' : formatPercent(v))
  const rows = result.rows.filter((r) => r.level !== 'theme')
  const domains = result.rows.filter((r) => r.level === 'domain' && (r.before !== null || r.after !== null))
  const content: Content[] = [
    paragraph(`Avant : ${result.before.label} (${formatDate(result.before.at)}). Après : ${result.after.label} (${formatDate(result.after.at)}).`),
    table(
      [
        { header: 'Domaine', width: '*', cell: (r) => (r.level === 'overall' ? { text: 'Score global', bold: true } : r.title) },
        { header: 'Avant', width: 70, align: 'right', cell: (r) => score(r.before) },
        { header: 'Après', width: 70, align: 'right', cell: (r) => score(r.after) },
        { header: 'Évolution', width: 70, align: 'right', cell: (r) => deltaText(r.delta) },
      ],
      rows,
    ),
  ]
  if (domains.length > 0) {
    const svg = chartSvg(
      evolutionBarsConfig(
        domains.map((d) => d.title),
        [
          { label: result.before.label, values: domains.map((d) => d.before) },
          { label: result.after.label, values: domains.map((d) => d.after) },
        ],
      ),
      CONTENT_WIDTH,
      domains.length * 28 + 64,
    )
    content.push(chart('Évolution par domaine', svg))
  }
  return content
}

export const PEERS_TITLE = 'Comparaison avec les communes de même taille'

/**
 * The band's median and quartiles per domain beside the commune's score, only as the relay gave them, with how many
 * communes and when; until the relay has enough communes, one sentence says so and no figure is printed. Nothing at
 * all while the commune does not share its scores (an administrator's choice in Paramètres).
 */
export function peerComparisonPart(peers: PeerComparison, scores: ScoreTree): Content[] {
  if (!peers.sharing) return []
  const content: Content[] = [h2(PEERS_TITLE)]
  if (!peers.receivedAt) {
    content.push(
      emptyNote(
        'La commune partage anonymement ses scores, mais le relais n’a pas encore répondu : la comparaison apparaîtra après le premier envoi des scores.',
      ),
    )
    return content
  }
  const received = formatDate(peers.receivedAt)
  if (!peers.available) {
    const minimum = peers.minimumCommunes ?? 0
    content.push(
      emptyNote(
        `Pas encore assez de communes de la tranche « ${peers.band} » pour comparer : ${formatInteger(peers.contributors)} sur les ${formatInteger(minimum)} nécessaires au ${received}. Aucun chiffre n’est donné tant que le relais n’en a pas assez.`,
      ),
    )
    return content
  }
  const percent = (value: number | null) => (value === null ? '—' : formatPercent(value))
  // A domain that does not concern the commune has no score of its own to compare.
  const rows = scores.domains
    .filter((domain) => domain.applies)
    .map((domain) => ({ domain, peer: peers.domains.find((p) => p.domainId === domain.domainId) ?? null }))
  const fewer = `moins de ${formatInteger(peers.minimumCommunes ?? 0)}`
  content.push(
    paragraph(
      `Communes de la tranche « ${peers.band} » qui partagent anonymement leurs scores : chiffres du relais reçus le ${received}, sur ${formatInteger(peers.communes)} commune${peers.communes > 1 ? 's' : ''} au moins par domaine. La moitié de ces communes ont un score entre le 1er et le 3e quartile ; « — » : pas encore assez de communes pour ce domaine.`,
    ),
    table(
      [
        { header: 'Domaine', width: '*', cell: (r) => r.domain.title },
        { header: 'Score de la commune', width: 70, align: 'right', cell: (r) => formatPercent(r.domain.done) },
        { header: '1er quartile', width: 60, align: 'right', cell: (r) => (r.peer ? percent(r.peer.q1) : '—') },
        { header: 'Médiane', width: 60, align: 'right', cell: (r) => (r.peer ? percent(r.peer.median) : '—') },
        { header: '3e quartile', width: 60, align: 'right', cell: (r) => (r.peer ? percent(r.peer.q3) : '—') },
        {
          header: 'Communes',
          width: 70,
          align: 'right',
          cell: (r) => (r.peer ? formatInteger(r.peer.communes) : { text: fewer, style: 'small', alignment: 'right' }),
        },
      ],
      rows,
    ),
  )
  return content
}

function answerText(answer: Answer | undefined): string {
  if (!answer) return ANSWER_STATUS_LABELS.non_renseigne
  if (answer.status === 'partiel' && answer.split)
    return `En partie (fait ${answer.split.done} %, programmé ${answer.split.programmed} %, pas fait ${answer.split.notDone} %)`
  return ANSWER_STATUS_LABELS[answer.status]
}

async function details(context: ReportContext, campaignId: number, scores: ScoreTree): Promise<Content[]> {
  const answers = new Map((await context.read('answers.list', { campaignId })).map((a) => [a.criterionId, a]))
  const applicability = communeContext(context.handler.db)
  // A closed campaign prints the applicability it had when it was closed, not today's.
  const frozen = campaignFrozen(context.handler, context.handler.db, getCampaignRow(context.handler.db, campaignId))
  const referentiel = context.handler.referentiel().referentiel
  const content: Content[] = []
  for (const domain of referentiel.domains) {
    const domainScore = scores.domains.find((d) => d.domainId === domain.id)
    content.push(h2(domain.title))
    if (!domainScore?.applies) {
      content.push(emptyNote('Ce domaine ne concerne pas la commune d’après son profil.'))
      continue
    }
    content.push(
      paragraph(
        `Fait ${formatPercent(domainScore.done)} · programmé ${formatPercent(domainScore.programmed)} · pas fait ${formatPercent(domainScore.notDone)} · non renseigné ${formatPercent(domainScore.notAnswered)}`,
      ),
    )
    for (const theme of domain.themes) {
      const themeScore = domainScore.themes.find((t) => t.themeId === theme.id)
      content.push({
        ...(h3(`${theme.title}${themeScore?.applies ? ` — ${formatPercent(themeScore.done)} fait` : ' — non concerné'}`) as object),
        headlineLevel: 3,
      } as Content)
      content.push(
        table(
          [
            {
              header: 'Critère',
              width: '*',
              cell: (c) => ({
                text: [c.question, c.kind === 'obligation' ? { text: `\nObligation — ${legalBasisText(c.legalBasis)}`, style: 'small' } : ''],
              }),
            },
            {
              header: 'Réponse',
              width: 95,
              cell: (c) => {
                const rule = frozen
                  ? (frozen.applicability[c.id] ?? { applies: false, reason: 'Critère ajouté au référentiel après la clôture de cette campagne.' })
                  : criterionApplicability(c, applicability)
                // Who decided and when; what the rule alone says is in the synthesis's table of decisions.
                const decided = rule.decision ? ` (${rule.decision.decidedBy}, ${formatDate(rule.decision.decidedAt)}).` : ''
                if (!rule.applies) return { text: [ANSWER_STATUS_LABELS.non_concerne, { text: `\n${rule.reason}${decided}`, style: 'small' }] }
                if (rule.decision)
                  return {
                    text: [answerText(answers.get(c.id)), { text: `\n${DECIDED_BY_COMMUNE} : ${rule.decision.reason}${decided}`, style: 'small' }],
                  }
                return answerText(answers.get(c.id))
              },
            },
            {
              header: 'Commentaire',
              width: 150,
              cell: (c) => {
                const answer = answers.get(c.id)
                // Who answered is worth printing only beside a comment or a document.
                if (!answer || (!answer.comment && answer.evidence.length === 0)) return ''
                const by = answer.answeredBy ? `\n${answer.answeredBy}, ${formatDateTime(answer.answeredAt)}` : ''
                const evidence = answer.evidence.length > 0 ? `\nPièces : ${answer.evidence.map((e) => e.fileName).join(', ')}` : ''
                return { text: [answer.comment, { text: `${by}${evidence}`, style: 'small' }] }
              },
            },
          ],
          theme.criteria,
          { fontSize: 8, keepRowsWhole: false },
        ),
      )
    }
  }
  return content
}

export const DECIDED_BY_COMMUNE = 'Applicabilité décidée par la commune'

/** « (Claire Martin, 4 mai 2026 ; sans cette décision : …) »: who decided, when, and what the rule alone says. */
function decisionText(decision: NonNullable<Applicability['decision']>): string {
  const rule = decision.ruleApplies ? 'la règle l’appliquerait à la commune' : decision.ruleReason
  return ` (${decision.decidedBy}, ${formatDate(decision.decidedAt)} ; sans cette décision : ${rule.replace(/\.$/, '')}).`
}

/** The obligations whose applicability the commune decided, listed in the synthesis for whoever checks the diagnostic. */
function decisions(referentiel: Referentiel, applicability: Record<string, Applicability>): Content[] {
  const decided = referentiel.domains
    .flatMap((d) => d.themes.flatMap((t) => t.criteria))
    .flatMap((c) => {
      const decision = applicability[c.id]?.decision
      return decision ? [{ c, decision }] : []
    })
  if (decided.length === 0) return []
  return [
    h2(DECIDED_BY_COMMUNE),
    table(
      [
        {
          header: 'Obligation',
          width: '*',
          cell: ({ c }) => ({ text: [c.question, { text: `\n${legalBasisText(c.legalBasis)}`, style: 'small' }] }),
        },
        { header: 'Décision', width: 80, cell: ({ decision }) => (decision.applies ? 'S’applique' : 'Ne s’applique pas') },
        { header: 'Raison', width: 170, cell: ({ decision }) => ({ text: [decision.reason, { text: decisionText(decision), style: 'small' }] }) },
      ],
      decided,
      { fontSize: 8 },
    ),
  ]
}

export const DEFAULT_PROFILE_NOTE =
  'Ce diagnostic repose sur des réponses par défaut : le profil de la commune (équipements, risques, compétences transférées, effectif) n’a pas encore été vérifié dans Paramètres › Profil de la commune.'

/** The diagnostic sections and the campaign's name; `details` adds every domain, theme and answer. */
export async function diagnosticSections(context: ReportContext, options: DiagnosticOptions, firstOnNewPage = true): Promise<ReportPart> {
  const view = await context.read('diagnostic.get', { campaignId: options.campaignId })
  const compareWith = options.compareWith === 'none' ? null : (options.compareWith ?? (await defaultComparison(context, options.campaignId)))
  const compared = compareWith ? await context.read('diagnostic.compare', { before: compareWith, after: { campaignId: options.campaignId } }) : null
  const peers = await context.read('diagnostic.peers', { campaignId: options.campaignId })
  await context.step('Dessin des graphiques du diagnostic…')
  const content: Content[] = [
    h1('Synthèse du diagnostic', { newPage: firstOnNewPage }),
    paragraph(
      `Campagne « ${view.campaign.name} », ouverte le ${formatDate(view.campaign.createdAt)}${view.campaign.closedAt ? `, close le ${formatDate(view.campaign.closedAt)}` : ''} — référentiel ${view.scores.referentielVersion}.`,
    ),
    // Said before any figure, as on screen: the figures may count criteria that do not apply, or miss some.
    ...(view.profileReviewed || view.campaign.closedAt ? [] : [{ text: DEFAULT_PROFILE_NOTE, bold: true, margin: [0, 0, 0, 6] } as Content]),
    ...summary(view.scores),
    ...decisions(context.handler.referentiel().referentiel, view.applicability),
    ...charts(view.scores),
    ...peerComparisonPart(peers, view.scores),
    h1('Points bloquants, points faibles et points forts', { newPage: true }),
    ...findings(view.scores),
    ...(options.compareWith === 'none' ? [] : [h1('Comparaison'), ...comparison(compared)]),
  ]
  if (options.details) {
    await context.step('Mise en page du détail par domaine…')
    content.push(h1('Détail par domaine et par thème', { newPage: true }), ...(await details(context, options.campaignId, view.scores)))
  }
  const cited = options.details
    ? context.handler
        .referentiel()
        .referentiel.domains.flatMap((d) => d.themes.flatMap((t) => t.criteria.filter((c) => c.kind === 'obligation').flatMap((c) => c.legalBasis)))
    : view.scores.blocking.flatMap((b) => b.legalBasis)
  content.push(...sourcesAnnex(cited))
  return { title: view.campaign.name, content }
}
