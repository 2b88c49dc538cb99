/** Communes (tenants) and their pairing: used by the admin commands and the pairing endpoint. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Queryable, RelayDb } from '../db/open'
import { communes, desktopTokens, pairingCodes } from '../db/schema'
import { RelayHttpError } from '../http/errors'
import { hashCode, hashSecret, humanCode, randomToken } from '../security/secrets'
import { findCommune } from './directory'

export const PAIRING_CODE_DAYS = 7

export class AdminError extends Error {}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/

async function issuePairingCode(db: Queryable, communeCode: string): Promise<{ code: string; expiresAt: Date }> {
  const code = humanCode(3)
  const expiresAt = new Date(Date.now() + PAIRING_CODE_DAYS * 86_400_000)
  // A new code replaces the codes not used yet.
  await db
    .update(pairingCodes)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(pairingCodes.communeCode, communeCode), isNull(pairingCodes.usedAt)))
  await db.insert(pairingCodes).values({ communeCode, codeHash: hashCode(code), expiresAt })
  return { code, expiresAt }
}

export async function addCommune(db: RelayDb, code: string): Promise<{ name: string; code: string; pairingCode: string; expiresAt: Date }> {
  if (!COMMUNE_CODE.test(code)) throw new AdminError(`« ${code} » n’est pas un code INSEE (5 caractères, ex. 10145).`)
  const entry = findCommune(code)
  if (!entry) throw new AdminError(`Aucune commune actuelle n’a le code INSEE ${code} dans l’annuaire.`)
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(communes).values({ code, name: entry.name, population: entry.population }).onConflictDoNothing().returning()
    if (!inserted.length) throw new AdminError(`La commune ${entry.name} (${code}) existe déjà : « commune new-code ${code} » donne un nouveau code.`)
    const pairing = await issuePairingCode(tx, code)
    return { name: entry.name, code, pairingCode: pairing.code, expiresAt: pairing.expiresAt }
  })
}

export async function newPairingCode(db: RelayDb, code: string): Promise<{ name: string; pairingCode: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const [commune] = await tx.select().from(communes).where(eq(communes.code, code))
    if (!commune) throw new AdminError(`Aucune commune ${code} sur ce relais : « commune add ${code} » la crée.`)
    if (commune.disabledAt) throw new AdminError(`La commune ${commune.name} est désactivée : réactivez-la d’abord (« commune enable ${code} »).`)
    const pairing = await issuePairingCode(tx, code)
    return { name: commune.name, pairingCode: pairing.code, expiresAt: pairing.expiresAt }
  })
}

export async function setCommuneDisabled(db: RelayDb, code: string, disabled: boolean): Promise<{ name: string }> {
  const [row] = await db
    .update(communes)
    .set({ disabledAt: disabled ? new Date() : null })
    .where(eq(communes.code, code))
    .returning({ name: communes.name })
  if (!row) throw new AdminError(`Aucune commune ${code} sur ce relais.`)
  return row
}

export interface CommuneListing {
  code: string
  name: string
  paired: boolean
  disabled: boolean
  contributions: number
}

export async function listCommunes(db: RelayDb): Promise<CommuneListing[]> {
  const rows = await db
    .select({
      code: communes.code,
      name: communes.name,
      disabledAt: communes.disabledAt,
      paired: sql<boolean>`exists (select 1 from desktop_tokens t where t.commune_code = ${communes.code} and t.revoked_at is null)`,
      contributions: sql<number>`(select count(*)::int from inputs i where i.commune_code = ${communes.code} and i.removed_at is null)`,
    })
    .from(communes)
    .orderBy(asc(communes.code))
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    paired: Boolean(r.paired),
    disabled: r.disabledAt !== null,
    contributions: Number(r.contributions),
  }))
}

/** Exchanges a pairing code for a new desktop token; the code is consumed by one atomic update. */
export async function claimPairingCode(db: RelayDb, typed: string): Promise<{ token: string; code: string; name: string }> {
  const codeHash = hashCode(typed)
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(pairingCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(pairingCodes.codeHash, codeHash), isNull(pairingCodes.usedAt), sql`${pairingCodes.expiresAt} > now()`))
      .returning({ communeCode: pairingCodes.communeCode })
    if (!claimed) {
      const [known] = await tx.select({ usedAt: pairingCodes.usedAt }).from(pairingCodes).where(eq(pairingCodes.codeHash, codeHash))
      if (known?.usedAt)
        throw new RelayHttpError(409, 'code_utilise', 'Ce code d’appairage a déjà servi. Demandez un nouveau code à l’administrateur du relais.')
      if (known) throw new RelayHttpError(410, 'code_expire', 'Ce code d’appairage a expiré. Demandez un nouveau code à l’administrateur du relais.')
      throw new RelayHttpError(400, 'code_inconnu', 'Ce code d’appairage est inconnu. Vérifiez-le (les tirets et les majuscules ne comptent pas).')
    }
    const [commune] = await tx.select().from(communes).where(eq(communes.code, claimed.communeCode))
    if (!commune || commune.disabledAt) throw new RelayHttpError(403, 'commune_desactivee', 'Cette commune est désactivée sur le relais.')
    const token = randomToken(32)
    await tx
      .update(desktopTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(desktopTokens.communeCode, commune.code), isNull(desktopTokens.revokedAt)))
    await tx.insert(desktopTokens).values({ tokenHash: hashSecret(token), communeCode: commune.code })
    return { token, code: commune.code, name: commune.name }
  })
}
