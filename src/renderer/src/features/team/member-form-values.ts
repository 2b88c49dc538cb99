import type { Member, MemberInput } from '@shared/contract'
import type { Civility, MemberRole } from '@shared/roles'

/** What the member form edits; the rank is '' while left to automatic numbering. */
export interface MemberFormValues {
  /** '' until Madame or Monsieur is chosen. */
  civility: Civility | ''
  firstName: string
  lastName: string
  role: MemberRole
  rank: number | ''
  delegation: string
  email: string
  phone: string
  interests: string
}

export const EMPTY_MEMBER: MemberFormValues = {
  civility: '',
  firstName: '',
  lastName: '',
  role: 'conseiller_municipal',
  rank: '',
  delegation: '',
  email: '',
  phone: '',
  interests: '',
}

export function toMemberInput(values: MemberFormValues): MemberInput {
  return { ...values, civility: values.civility === '' ? null : values.civility, rank: values.rank === '' ? null : values.rank }
}

export function toFormValues(member: Member | MemberInput): MemberFormValues {
  return {
    civility: member.civility ?? '',
    firstName: member.firstName ?? '',
    lastName: member.lastName ?? '',
    role: member.role,
    rank: member.rank ?? '',
    delegation: member.delegation ?? '',
    email: member.email ?? '',
    phone: member.phone ?? '',
    interests: member.interests ?? '',
  }
}
