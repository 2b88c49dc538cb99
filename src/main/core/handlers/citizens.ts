import { syncStatus } from '../citizens/queries'
import type { HandlersOf } from '../handler'

export const citizensHandlers: HandlersOf<'citizens'> = {
  'citizens.syncStatus': (_input, context) => syncStatus(context),

  'citizens.syncNow': async (_input, context) => {
    if (!context.citizensPuller) return { received: 0, newContributions: 0, pages: 0, problem: 'La synchronisation n’est pas disponible.' }
    return context.citizensPuller.run()
  },
}
