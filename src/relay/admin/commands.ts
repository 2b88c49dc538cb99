/** `npm run relay -- commune …`: the administrator's commands, run in the relay process or directly on the database. */
import type { RelayDb } from '../db/open'
import { AdminError, addCommune, listCommunes, newPairingCode, PAIRING_CODE_DAYS, setCommuneDisabled } from '../communes/queries'
import { frenchDate } from '../../shared/format'

export const ADMIN_HELP = [
  'Commandes d’administration du relais :',
  '  npm run relay -- commune add <code INSEE>        crée la commune et donne son code d’appairage',
  '  npm run relay -- commune list                    liste les communes',
  '  npm run relay -- commune new-code <code INSEE>   nouveau code d’appairage (l’ancien ne sert plus)',
  '  npm run relay -- commune disable <code INSEE>    désactive le portail et l’API de la commune',
  '  npm run relay -- commune enable <code INSEE>     la réactive',
]

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })

/** Runs one command; its lines are printed by the caller. The pairing code, when there is one, is the last line. */
export async function runAdminCommand(db: RelayDb, args: string[], portalBase: string): Promise<string[]> {
  const [group, verb, code] = args
  if (group !== 'commune' || !verb) return ADMIN_HELP
  const needCode = () => {
    if (!code) throw new AdminError(`Indiquez le code INSEE : npm run relay -- commune ${verb} 10145`)
    return code.trim().toUpperCase()
  }
  switch (verb) {
    case 'add': {
      const added = await addCommune(db, needCode())
      return [
        `Commune ajoutée : ${added.name} (${added.code}).`,
        `Portail citoyen : ${portalBase}/${added.code}`,
        `Code d’appairage à saisir dans Cap Commune (usage unique, valable ${PAIRING_CODE_DAYS} jours, jusqu’au ${frenchDate(dateFormat, added.expiresAt)}) :`,
        added.pairingCode,
      ]
    }
    case 'new-code': {
      const issued = await newPairingCode(db, needCode())
      return [
        `Nouveau code d’appairage pour ${issued.name} (usage unique, valable jusqu’au ${frenchDate(dateFormat, issued.expiresAt)}) :`,
        issued.pairingCode,
      ]
    }
    case 'disable':
    case 'enable': {
      const row = await setCommuneDisabled(db, needCode(), verb === 'disable')
      return [verb === 'disable' ? `${row.name} est désactivée : son portail et son API ne répondent plus.` : `${row.name} est réactivée.`]
    }
    case 'list': {
      const list = await listCommunes(db)
      if (!list.length) return ['Aucune commune sur ce relais. Ajoutez-en une : npm run relay -- commune add 10145']
      return list.map(
        (c) =>
          `${c.code}  ${c.name} — ${c.disabled ? 'désactivée' : c.paired ? 'appairée' : 'en attente d’appairage'}, ${c.contributions} contribution(s)`,
      )
    }
    default:
      throw new AdminError(`Commande inconnue : « commune ${verb} ».\n${ADMIN_HELP.join('\n')}`)
  }
}
