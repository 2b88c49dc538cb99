import { AppError } from '../../../shared/errors'
import type { Handlers } from '../dispatcher'
import { planningOf } from '../projects/planning'
import { todayOf } from '../projects/trail'
import { currentMandate } from './commune'

export const planningHandlers: Pick<Handlers, 'planning.get'> = {
  /** The mandate's years, every project with its actions, and the tasks that have a due date. */
  'planning.get': (_input, context) => {
    const mandate = currentMandate(context.db)
    if (!mandate) throw new AppError('NOT_SET_UP', "Le mandat n'est pas encore renseigné : terminez l'assistant de démarrage.")
    return planningOf(context.db, { startYear: mandate.startYear, endYear: mandate.endYear }, todayOf(context))
  },
}
