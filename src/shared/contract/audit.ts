import { z } from 'zod'
import { DATA_DOMAINS, method, methodsOf } from './define'
import { idField, isoDateField } from './fields'

/* The audit trail, read-only: no method changes or deletes a row of it. */

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  profileName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** A readable name of the record (project title, person…), when it can be found. */
  label: z.string().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The entry in words, as the journal shows it (src/shared/audit-labels.ts): labels, names, French dates. */
  display: z.object({
    action: z.string(),
    entity: z.string(),
    field: z.string().nullable(),
    before: z.string(),
    after: z.string(),
  }),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>
export const auditListInput = z.object({
  entity: z.string().max(40).nullable().default(null),
  /** Everything about one project: the project and its actions, tasks, comments, fundings, indicators… */
  projectId: idField.nullable().default(null),
  profileName: z.string().max(80).nullable().default(null),
  from: isoDateField.nullable().default(null),
  to: isoDateField.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
})
export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() })

export const auditMethods = methodsOf('audit')({
  /** Every write appends to the trail. */
  'audit.list': method({ input: auditListInput, output: auditListSchema, access: 'profile', reads: DATA_DOMAINS }),
})
