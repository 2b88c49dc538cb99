import type { ReferentielView } from '../../../shared/contract'
import { criterionApplicability } from '../../../shared/referentiel/applicability'
import { communeContext } from '../diagnostic/read'
import type { HandlersOf } from '../handler'

export const referentielHandlers: HandlersOf<'referentiel'> = {
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
            applicability: criterionApplicability(criterion, applicability),
          })),
        })),
      })),
    }
  },
}
