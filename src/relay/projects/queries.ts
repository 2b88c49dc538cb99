import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import type { projectInput } from '../../shared/relay/api'
import type { Queryable } from '../db/open'
import { projects } from '../db/schema'
import { withdrawPublished } from '../db/published'

export async function upsertProject(db: Queryable, communeCode: string, externalId: string, input: z.output<typeof projectInput>) {
  const values = { ...input, removedAt: null, updatedAt: new Date() }
  const [row] = await db
    .insert(projects)
    .values({ communeCode, externalId, ...values })
    .onConflictDoUpdate({ target: [projects.communeCode, projects.externalId], set: values })
    .returning({ externalId: projects.externalId, updatedAt: projects.updatedAt })
  return { externalId: row!.externalId, updatedAt: row!.updatedAt.toISOString() }
}

export function removeProject(db: Queryable, communeCode: string, externalId: string): Promise<boolean> {
  return withdrawPublished(db, 'projects', communeCode, externalId)
}

export type PublicProject = typeof projects.$inferSelect

export async function publicProjects(db: Queryable, communeCode: string): Promise<PublicProject[]> {
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.communeCode, communeCode), isNull(projects.removedAt)))
    .orderBy(desc(projects.updatedAt), asc(projects.title))
}

export async function publicProject(db: Queryable, communeCode: string, externalId: string): Promise<PublicProject | null> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.communeCode, communeCode), eq(projects.externalId, externalId), isNull(projects.removedAt)))
  return row ?? null
}
