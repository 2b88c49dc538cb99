/** The municipal team's rules and rows, for the members and setup handlers. */
import { asc, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import type { Member } from '../../../shared/contract'
import { MEMBER_ROLES, ROLES_WITH_DELEGATION, type Civility, type MemberRole } from '../../../shared/roles'
import { fillAdjointRanks, findSecondMaire } from '../../../shared/team-rules'
import type { Db } from '../db/open'
import { members } from '../db/schema'
import type { AuditTrail } from '../audit'

export type MemberRow = typeof members.$inferSelect

/** A member as validated by the contract, before it is written. */
export interface MemberFields {
  civility: Civility | null
  firstName: string
  lastName: string
  role: MemberRole
  rank: number | null
  delegation: string
  email: string
  phone: string
  interests: string
}

export function toMember(row: MemberRow): Member {
  return { ...row }
}

/** Council order: maire, adjoints by rank, then the others by role and name. */
export function compareMembers(a: Pick<Member, 'role' | 'rank' | 'lastName' | 'firstName'>, b: typeof a): number {
  return (
    MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) ||
    (a.rank ?? 999) - (b.rank ?? 999) ||
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstName.localeCompare(b.firstName, 'fr')
  )
}

function fieldPath(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field
}

function fullName(m: Pick<MemberFields, 'firstName' | 'lastName'>): string {
  return `${m.firstName} ${m.lastName}`
}

/**
 * The rules of a municipal team: one maire; adjoints numbered 1, 2, 3… without two at the same rank;
 * a délégation only where the role carries one. Returns the team with ranks filled in.
 * `where` names the place of each member in the caller's input, for the error messages.
 */
export function normalizeTeam<T extends MemberFields>(team: T[], where: (index: number) => string): T[] {
  const normalized = team.map((m) => ({
    ...m,
    rank: m.role === 'adjoint' ? m.rank : null,
    delegation: ROLES_WITH_DELEGATION.includes(m.role) ? m.delegation : '',
  }))
  const secondMaire = findSecondMaire(normalized)
  if (secondMaire) {
    throw new AppError('CONFLICT', secondMaire.message, [{ path: fieldPath(where(secondMaire.index), 'role'), message: secondMaire.fieldMessage }])
  }
  const usedRanks = new Map<number, number>()
  for (const [i, m] of normalized.entries()) {
    if (m.role === 'adjoint' && m.rank !== null) {
      const other = usedRanks.get(m.rank)
      if (other !== undefined) {
        throw new AppError(
          'CONFLICT',
          `${fullName(normalized[other]!)} et ${fullName(m)} ont le même rang d'adjoint (${m.rank}). Chaque adjoint a un rang différent.`,
          [{ path: fieldPath(where(i), 'rank'), message: 'Ce rang est déjà pris par un autre adjoint.' }],
        )
      }
      usedRanks.set(m.rank, i)
    }
  }
  return fillAdjointRanks(normalized)
}

export function listMembers(db: Db): Member[] {
  return db.select().from(members).orderBy(asc(members.lastName)).all().map(toMember).sort(compareMembers)
}

export function getMemberRow(db: Db, id: number): MemberRow {
  const row = db.select().from(members).where(eq(members.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', "Cette personne ne fait plus partie de l'équipe : la liste a peut-être été modifiée entre-temps.")
  return row
}

export function insertMember(db: Db, fields: MemberFields, audit: AuditTrail, at: string): MemberRow {
  const row = db
    .insert(members)
    .values({ ...fields, createdAt: at, updatedAt: at })
    .returning()
    .get()
  audit.created('member', row.id, row)
  return row
}
