/** Roles of the people of a mairie, in the order the council is presented. */
export const MEMBER_ROLES = [
  'maire',
  'adjoint',
  'conseiller_delegue',
  'conseiller_municipal',
  'secretaire_mairie',
  'dgs',
  'agent_technique',
  'agent_administratif',
  'autre_agent',
] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const ELECTED_ROLES: readonly MemberRole[] = ['maire', 'adjoint', 'conseiller_delegue', 'conseiller_municipal']

export function isElectedRole(role: MemberRole): boolean {
  return ELECTED_ROLES.includes(role)
}

/** How a person is addressed; null when it was not given (the masculine labels, the usual default, then apply). */
export const CIVILITIES = ['madame', 'monsieur'] as const
export type Civility = (typeof CIVILITIES)[number]
export const CIVILITY_LABELS: Record<Civility, string> = { madame: 'Madame', monsieur: 'Monsieur' }

/** French labels; the UI and the reports use these (roleLabel gives the feminine for a Madame). */
export const ROLE_LABELS: Record<MemberRole, string> = {
  maire: 'Maire',
  adjoint: 'Adjoint au maire',
  conseiller_delegue: 'Conseiller municipal délégué',
  conseiller_municipal: 'Conseiller municipal',
  secretaire_mairie: 'Secrétaire de mairie',
  dgs: 'Directeur général des services',
  agent_technique: 'Agent des services techniques',
  agent_administratif: 'Agent administratif',
  autre_agent: 'Autre agent',
}

/** The same roles held by a woman, as the DGCL and the Guide de féminisation des noms de métiers write them. */
export const FEMININE_ROLE_LABELS: Record<MemberRole, string> = {
  maire: 'Maire',
  adjoint: 'Adjointe au maire',
  conseiller_delegue: 'Conseillère municipale déléguée',
  conseiller_municipal: 'Conseillère municipale',
  secretaire_mairie: 'Secrétaire de mairie',
  dgs: 'Directrice générale des services',
  agent_technique: 'Agente des services techniques',
  agent_administratif: 'Agente administrative',
  autre_agent: 'Autre agente',
}

/** The label of a role for a person of this civility. */
export function roleLabelFor(role: MemberRole, civility: Civility | null): string {
  return (civility === 'madame' ? FEMININE_ROLE_LABELS : ROLE_LABELS)[role]
}

/** Roles that carry a délégation (the field is offered for these). */
export const ROLES_WITH_DELEGATION: readonly MemberRole[] = ['adjoint', 'conseiller_delegue']

/** « 1er adjoint », « 2e adjoint »… and « 1re adjointe », « 2e adjointe »… as French municipal documents write them. */
export function adjointRankLabel(rank: number, civility: Civility | null = null): string {
  if (civility === 'madame') return rank === 1 ? '1re adjointe' : `${rank}e adjointe`
  return rank === 1 ? '1er adjoint' : `${rank}e adjoint`
}

/** What a person is, as screens, exports and reports say it: « 1re adjointe », « Conseiller municipal »… */
export function memberRoleLabel(member: { role: MemberRole; rank: number | null; civility?: Civility | null }): string {
  const civility = member.civility ?? null
  if (member.role === 'adjoint' && member.rank) return adjointRankLabel(member.rank, civility)
  return roleLabelFor(member.role, civility)
}
