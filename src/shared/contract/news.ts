import { z } from 'zod'
import { TOPICS } from '../relay/vocabulary'
import { method, methodsOf } from './define'
import { idField, isoDateField, none, requiredText } from './fields'
import { outboxItemSchema } from './publications'

/* ─── News items and alerts of the citizen portal (Publications du portail › Actualités) ─── */

export const newsItemInput = z
  .object({
    title: requiredText('Le titre', 200),
    body: requiredText('Le texte', 8000),
    topic: z.enum(TOPICS, { error: 'Choisissez le thème de l’actualité.' }),
    publishedOn: z.string({ error: 'Indiquez la date de l’actualité.' }).pipe(isoDateField),
    isAlert: z.boolean().default(false),
    /** Last day the alert is shown, included. */
    alertUntil: isoDateField.nullable().default(null),
  })
  .superRefine((value, context) => {
    if (!value.isAlert) return
    if (value.alertUntil === null) context.addIssue({ code: 'custom', path: ['alertUntil'], message: 'Une alerte doit avoir une date de fin.' })
    else if (value.alertUntil < value.publishedOn)
      context.addIssue({ code: 'custom', path: ['alertUntil'], message: 'La fin de l’alerte ne peut pas précéder la date de l’actualité.' })
  })
  // An ordinary item has no end date, whatever the form had in it.
  .transform((value) => ({ ...value, alertUntil: value.isAlert ? value.alertUntil : null }))
export type NewsItemInput = z.input<typeof newsItemInput>

export const newsItemSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  title: z.string(),
  body: z.string(),
  topic: z.enum(TOPICS),
  publishedOn: z.string(),
  isAlert: z.boolean(),
  alertUntil: z.string().nullable(),
  /** Null while the item is on the portal (or on its way there). */
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** Its last send or withdrawal through the outbox. */
  item: outboxItemSchema.nullable(),
})
export type NewsItem = z.infer<typeof newsItemSchema>

export const newsMethods = methodsOf('news')({
  'news.list': method({ input: none, output: z.object({ items: z.array(newsItemSchema) }), access: 'profile', reads: ['portal'] }),
  /** Saved at once and queued for the portal; an alert is mailed by the relay as soon as it receives it. */
  'news.create': method({ input: newsItemInput, output: newsItemSchema, access: 'profile', changes: ['portal'] }),
  'news.update': method({ input: z.object({ id: idField, news: newsItemInput }), output: newsItemSchema, access: 'profile', changes: ['portal'] }),
  /** Off the portal; kept here, and published again with `news.republish`. */
  'news.withdraw': method({ input: z.object({ id: idField }), output: newsItemSchema, access: 'profile', changes: ['portal'] }),
  'news.republish': method({ input: z.object({ id: idField }), output: newsItemSchema, access: 'profile', changes: ['portal'] }),
})
