import type { MemberRole } from './roles'

/**
 * Numbers the adjoints left without a rank after those that have one (1er, 2e…), in the order given.
 * Used by the main process when saving and by the wizard to show the rank each adjoint will get.
 */
export function fillAdjointRanks<T extends { role: MemberRole; rank?: number | null }>(team: T[]): (T & { rank: number | null })[] {
  const used = new Set(team.filter((m) => m.role === 'adjoint' && m.rank).map((m) => m.rank!))
  let next = 1
  return team.map((member) => {
    if (member.role !== 'adjoint') return { ...member, rank: null }
    if (member.rank) return { ...member, rank: member.rank }
    while (used.has(next)) next++
    used.add(next)
    return { ...member, rank: next }
  })
}

/** Why a team breaks the one-maire rule, said once for the main process and the setup wizard. */
export interface SecondMaire {
  /** The place of the second maire in the team given. */
  index: number
  message: string
  /** What the second maire's « Rôle » field says. */
  fieldMessage: string
}

/** A commune has one maire: the second one in `team`, with the French refusal, or null when the team is right. */
export function findSecondMaire(team: { role: MemberRole; firstName: string; lastName: string }[]): SecondMaire | null {
  const maires = team.map((m, index) => ({ m, index })).filter(({ m }) => m.role === 'maire')
  if (maires.length < 2) return null
  const [first, second] = [maires[0]!, maires[1]!]
  return {
    index: second.index,
    message: `La commune ne peut avoir qu'un seul maire : ${first.m.firstName} ${first.m.lastName} l'est déjà. Choisissez un autre rôle pour ${second.m.firstName} ${second.m.lastName}.`,
    fieldMessage: "Il y a déjà un maire dans l'équipe.",
  }
}
