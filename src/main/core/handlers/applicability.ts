import { eq } from 'drizzle-orm'
import type { ApplicabilityDecisionEntry } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { evaluateApplicability } from '../../../shared/referentiel/applicability'
import type { ApplicabilityContext } from '../../../shared/referentiel/profile'
import type { Criterion } from '../../../shared/referentiel/schema'
import { decisionRows, type ApplicabilityDecisionRow } from '../applicability/queries'
import { AuditTrail } from '../audit'
import { applicabilityDecisions } from '../db/schema'
import { communeContext } from '../diagnostic/read'
import type { HandlerContext, HandlersOf } from '../handler'

function obligation(context: HandlerContext, criterionId: string): Criterion {
  const found = context.referentiel().criteria.get(criterionId)?.criterion
  if (!found)
    throw new AppError('NOT_FOUND', 'Ce critère n’existe pas dans le référentiel en vigueur : la page a peut-être été ouverte avant une mise à jour.')
  if (found.kind !== 'obligation')
    throw new AppError(
      'INVALID_INPUT',
      'Seules les obligations légales peuvent être déclarées applicables ou non : pour un autre critère, répondez « Non concerné » dans la campagne.',
    )
  return found
}

function entryOf(row: ApplicabilityDecisionRow, criterion: Criterion | undefined, rules: ApplicabilityContext): ApplicabilityDecisionEntry {
  const rule = evaluateApplicability(criterion?.appliesWhen, rules)
  return {
    criterionId: row.criterionId,
    question: criterion?.question ?? 'Critère retiré du référentiel depuis la décision',
    applies: row.applies,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    ruleApplies: rule.applies,
    ruleReason: rule.reason,
  }
}

export const applicabilityHandlers: HandlersOf<'applicability'> = {
  'applicability.list': (_input, context) => {
    const loaded = context.referentiel()
    const order = [...loaded.criteria.keys()]
    const rules = communeContext(context.db)
    return decisionRows(context.db)
      .sort((a, b) => (order.indexOf(a.criterionId) >>> 0) - (order.indexOf(b.criterionId) >>> 0))
      .map((row) => entryOf(row, loaded.criteria.get(row.criterionId)?.criterion, rules))
  },

  'applicability.decide': ({ criterionId, applies, reason }, context) => {
    const criterion = obligation(context, criterionId)
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const rules = communeContext(tx)
      const existing = tx.select().from(applicabilityDecisions).where(eq(applicabilityDecisions.criterionId, criterionId)).get()
      const rule = evaluateApplicability(criterion.appliesWhen, rules)
      if (!existing && rule.applies === applies) {
        throw new AppError(
          'CONFLICT',
          applies
            ? 'Cette obligation s’applique déjà à la commune d’après sa règle : il n’y a rien à décider.'
            : `Cette obligation ne concerne déjà pas la commune d’après sa règle : il n’y a rien à décider. ${rule.reason}`,
        )
      }
      const values = { criterionId, applies, reason, decidedBy: context.actor.displayName, decidedAt: at }
      const audit = new AuditTrail(tx, context.actor, at)
      let row: ApplicabilityDecisionRow
      if (existing) {
        row = tx.update(applicabilityDecisions).set(values).where(eq(applicabilityDecisions.id, existing.id)).returning().get()
        audit.updated('applicabilityDecision', row.id, existing, values)
      } else {
        row = tx.insert(applicabilityDecisions).values(values).returning().get()
        audit.created('applicabilityDecision', row.id, row)
      }
      return entryOf(row, criterion, rules)
    })
  },

  'applicability.undo': ({ criterionId }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const existing = tx.select().from(applicabilityDecisions).where(eq(applicabilityDecisions.criterionId, criterionId)).get()
      if (!existing) throw new AppError('NOT_FOUND', 'Aucune décision n’est enregistrée pour cette obligation : elle suit déjà sa règle.')
      tx.delete(applicabilityDecisions).where(eq(applicabilityDecisions.id, existing.id)).run()
      new AuditTrail(tx, context.actor, at).deleted('applicabilityDecision', existing.id, existing)
      return {}
    })
  },
}
