import { z } from 'zod'
import { method, methodsOf } from './define'
import { criterionIdField, idField, optionalText } from './fields'
import { evidenceSchema } from './evidence'

export const ANSWER_STATUSES = ['fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'partiel'] as const
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]
export const ANSWER_STATUS_LABELS: Record<AnswerStatus, string> = {
  fait: 'Fait',
  programme: 'Programmé',
  pas_fait: 'Pas fait',
  partiel: 'En partie',
  non_concerne: 'Non concerné',
  non_renseigne: 'Non renseigné',
}

/** For a "partiel" answer: the shares of fait / programmé / pas fait, in percent, totalling 100. */
export const answerSplitSchema = z
  .object({
    done: z.number().int().min(0).max(100),
    programmed: z.number().int().min(0).max(100),
    notDone: z.number().int().min(0).max(100),
  })
  .refine((s) => s.done + s.programmed + s.notDone === 100, { error: 'Les parts fait, programmé et pas fait doivent totaliser 100 %.' })
export type AnswerSplit = z.infer<typeof answerSplitSchema>

export const answerSchema = z.object({
  campaignId: z.number().int(),
  criterionId: z.string(),
  status: z.enum(ANSWER_STATUSES),
  split: answerSplitSchema.nullable(),
  comment: z.string(),
  answeredBy: z.string(),
  answeredAt: z.string(),
  evidence: z.array(evidenceSchema),
})
export type Answer = z.infer<typeof answerSchema>

export const answerSaveInput = z
  .object({
    campaignId: idField,
    criterionId: criterionIdField,
    status: z.enum(ANSWER_STATUSES, { error: "Cette réponse n'existe pas." }),
    split: answerSplitSchema.nullable().default(null),
    comment: optionalText('Le commentaire', 2000),
  })
  .refine((a) => a.status !== 'partiel' || a.split !== null, {
    error: 'Pour une réponse partielle, indiquez les parts fait, programmé et pas fait.',
    path: ['split'],
  })

export const answersMethods = methodsOf('answers')({
  'answers.list': method({ input: z.object({ campaignId: idField }), output: z.array(answerSchema), access: 'profile', reads: ['answers'] }),
  'answers.save': method({ input: answerSaveInput, output: answerSchema, access: 'profile', changes: ['answers'] }),
})
