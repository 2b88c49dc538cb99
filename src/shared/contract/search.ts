import { z } from 'zod'
import { method, methodsOf } from './define'

/* Ctrl+K: projects, tasks, comments, people and the référentiel. */

export const SEARCH_KINDS = ['project', 'task', 'comment', 'theme', 'criterion', 'person'] as const
export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  /** A short excerpt around the words found. */
  excerpt: z.string(),
  /** Where the hit leads in the app. */
  path: z.string(),
})
export const searchInput = z.object({
  query: z.string().max(200, { error: 'La recherche ne doit pas dépasser 200 caractères.' }),
  limit: z.number().int().min(1).max(50).default(8),
})
export const searchResultSchema = z.object({ groups: z.array(z.object({ kind: z.enum(SEARCH_KINDS), hits: z.array(searchHitSchema) })) })

export const searchMethods = methodsOf('search')({
  'search.query': method({ input: searchInput, output: searchResultSchema, access: 'profile', reads: ['projects', 'tasks', 'members'] }),
})
