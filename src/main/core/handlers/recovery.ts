import { AppError } from '../../../shared/errors'
import type { HandlersOf } from '../handler'

/** `recovery.restore` is answered by the core itself while the data cannot be opened (core.ts); here they can. */
export const recoveryHandlers: HandlersOf<'recovery'> = {
  'recovery.restore': () => {
    throw new AppError('CONFLICT', "Vos données s'ouvrent normalement : pour revenir à une sauvegarde, passez par Paramètres › Données.")
  },
}
