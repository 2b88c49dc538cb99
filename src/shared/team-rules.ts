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
