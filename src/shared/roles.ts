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

/** French labels; the UI and the reports use these. */
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

/** Roles that carry a délégation (the field is offered for these). */
export const ROLES_WITH_DELEGATION: readonly MemberRole[] = ['adjoint', 'conseiller_delegue']

/** "1er adjoint", "2e adjoint"… as written in French municipal documents. */
export function adjointRankLabel(rank: number): string {
  return rank === 1 ? '1er adjoint' : `${rank}e adjoint`
}
