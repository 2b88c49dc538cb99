import { eq } from 'drizzle-orm'
import type { ReferentielView } from '../../../shared/contract'
import { evaluateApplicability } from '../../../shared/referentiel/applicability'
import { AuditTrail, authorOf } from '../audit'
import { communeProfile } from '../db/schema'
import { communeContext, readCommuneProfile } from '../diagnostic/read'
import type { Handlers } from '../dispatcher'

export const profileQuestionnaireHandlers: Pick<Handlers, 'referentiel.get' | 'communeProfile.get' | 'communeProfile.update'> = {
  /** The référentiel as this commune sees it: each criterion says whether it applies, and why not. */
  'referentiel.get': (_input, context): ReferentielView => {
    const { referentiel } = context.referentiel()
    const applicability = communeContext(context.db)
    return {
      version: referentiel.version,
      checkedOn: referentiel.checkedOn,
      domains: referentiel.domains.map((domain) => ({
        id: domain.id,
        title: domain.title,
        description: domain.description,
        themes: domain.themes.map((theme) => ({
          id: theme.id,
          domainId: domain.id,
          title: theme.title,
          description: theme.description,
          usualHolder: theme.usualHolder,
          competence: theme.competence ?? null,
          legalReferences: theme.legalReferences,
          criteria: theme.criteria.map((criterion) => ({
            id: criterion.id,
            question: criterion.question,
            kind: criterion.kind,
            weight: criterion.weight,
            legalBasis: criterion.legalBasis,
            help: criterion.help ?? null,
            nextStep: criterion.nextStep,
            applicability: evaluateApplicability(criterion.appliesWhen, applicability),
          })),
        })),
      })),
    }
  },

  'communeProfile.get': (_input, { db }) => readCommuneProfile(db),

  'communeProfile.update': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const existing = tx.select().from(communeProfile).where(eq(communeProfile.id, 1)).get()
      const before = readCommuneProfile(tx)
      const audit = new AuditTrail(tx, authorOf(context.actor), at)
      const values = { answers: JSON.stringify(input), updatedAt: at }
      if (existing) {
        tx.update(communeProfile).set(values).where(eq(communeProfile.id, 1)).run()
        // One audit row per question group that changed (risks, facilities, agentsFte…).
        audit.updated('communeProfile', 1, before, input)
      } else {
        tx.insert(communeProfile)
          .values({ id: 1, ...values })
          .run()
        audit.created('communeProfile', 1, input)
      }
      return input
    })
  },
}
