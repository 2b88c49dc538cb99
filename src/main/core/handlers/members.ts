import { eq } from 'drizzle-orm'
import { AuditTrail } from '../audit'
import { members, profiles } from '../db/schema'
import type { HandlersOf } from '../handler'
import { getMemberRow, insertMember, listMembers, normalizeTeam, toMember, type MemberFields } from '../members/team'

export const membersHandlers: HandlersOf<'members'> = {
  'members.list': (_input, { db }) => listMembers(db),

  'members.create': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const team: MemberFields[] = [...listMembers(tx), input]
      const normalized = normalizeTeam(team, () => '')[team.length - 1]!
      return toMember(insertMember(tx, normalized, new AuditTrail(tx, context.actor, at), at))
    })
  },

  'members.update': ({ id, ...input }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getMemberRow(tx, id)
      const others = listMembers(tx).filter((m) => m.id !== id)
      const normalized = normalizeTeam([...others, input], () => '')[others.length]!
      const after = tx
        .update(members)
        .set({ ...normalized, updatedAt: at })
        .where(eq(members.id, id))
        .returning()
        .get()
      new AuditTrail(tx, context.actor, at).updated('member', id, before, after)
      return toMember(after)
    })
  },

  'members.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = getMemberRow(tx, id)
      const linkedProfile = tx.select().from(profiles).where(eq(profiles.memberId, id)).get()
      const audit = new AuditTrail(tx, context.actor, at)
      if (linkedProfile) {
        // The foreign key would unlink it silently; the trail says so.
        tx.update(profiles).set({ memberId: null }).where(eq(profiles.id, linkedProfile.id)).run()
        audit.updated('profile', linkedProfile.id, { memberId: id }, { memberId: null })
      }
      tx.delete(members).where(eq(members.id, id)).run()
      audit.deleted('member', id, before)
    })
    return { ok: true as const }
  },
}
