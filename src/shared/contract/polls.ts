import { z } from 'zod'
import { POLL_KINDS, QUESTION_KINDS, RESULTS_VISIBILITY, VERIFICATION_LEVELS } from '../relay/vocabulary'
import { method, methodsOf } from './define'
import { idField, isoDateField, none, optionalText, requiredText } from './fields'
import { outboxItemSchema } from './publications'

/* ─── Polls (sondages) and votes on a project's options, for the citizen portal (« Consultations ») ─── */

export const POLL_MAX_QUESTIONS = 20
export const POLL_MAX_OPTIONS = 30

/** An id kept from one edit to the next (citizens' answers point at it); a new question or choice comes without. */
const keptId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'L’identifiant d’une question ou d’un choix est invalide.' })
  .optional()

export const pollOptionInput = z.object({ id: keptId, label: requiredText('Le libellé du choix', 300) })

export const pollQuestionInput = z
  .object({
    id: keptId,
    kind: z.enum(QUESTION_KINDS, { error: 'Choisissez le type de la question.' }),
    label: requiredText('La question', 500),
    required: z.boolean().default(true),
    options: z
      .array(pollOptionInput)
      .max(POLL_MAX_OPTIONS, { error: `Une question propose au plus ${POLL_MAX_OPTIONS} choix.` })
      .default([]),
  })
  .superRefine((question, context) => {
    if (question.kind === 'texte_court') return
    if (question.options.length < 2)
      context.addIssue({ code: 'custom', path: ['options'], message: 'Une question à choix doit proposer au moins deux choix.' })
    const labels = question.options.map((option) => option.label.toLocaleLowerCase('fr-FR'))
    if (new Set(labels).size !== labels.length)
      context.addIssue({ code: 'custom', path: ['options'], message: 'Deux choix portent le même libellé : chaque choix doit être différent.' })
  })
  // A short-text question has no choices, whatever the form had in it.
  .transform((question) => ({ ...question, options: question.kind === 'texte_court' ? [] : question.options }))
export type PollQuestionInput = z.input<typeof pollQuestionInput>

export const pollInput = z
  .object({
    kind: z.enum(POLL_KINDS, { error: 'Choisissez entre un sondage et un vote.' }),
    title: requiredText('Le titre', 200),
    description: optionalText('La présentation', 4000),
    /** For a vote: the project whose options are voted on. */
    projectId: idField.nullable().default(null),
    /** First and last days, included. */
    opensOn: z.string({ error: 'Indiquez la date d’ouverture.' }).pipe(isoDateField),
    closesOn: z.string({ error: 'Indiquez la date de clôture.' }).pipe(isoDateField),
    verification: z.enum(VERIFICATION_LEVELS, { error: 'Choisissez qui peut répondre.' }),
    results: z.enum(RESULTS_VISIBILITY, { error: 'Choisissez quand les résultats sont affichés.' }).default('a_la_cloture'),
    questions: z
      .array(pollQuestionInput)
      .min(1, { error: 'Ajoutez au moins une question.' })
      .max(POLL_MAX_QUESTIONS, { error: `Une consultation a au plus ${POLL_MAX_QUESTIONS} questions.` }),
  })
  .superRefine((poll, context) => {
    if (poll.closesOn < poll.opensOn)
      context.addIssue({ code: 'custom', path: ['closesOn'], message: 'La clôture ne peut pas précéder l’ouverture.' })
    if (poll.kind !== 'vote') return
    if (poll.projectId === null) context.addIssue({ code: 'custom', path: ['projectId'], message: 'Choisissez le projet soumis au vote.' })
    if (poll.questions.length !== 1 || poll.questions[0]!.kind !== 'choix_unique')
      context.addIssue({
        code: 'custom',
        path: ['questions'],
        message: 'Un vote porte sur une seule question à choix unique : les options du projet.',
      })
  })
  // Only a vote is tied to a project.
  .transform((poll) => ({ ...poll, projectId: poll.kind === 'vote' ? poll.projectId : null }))
export type PollInput = z.input<typeof pollInput>

export const pollQuestionSchema = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  label: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
})
export type PollQuestion = z.infer<typeof pollQuestionSchema>

export const pollSchema = z.object({
  id: z.number().int(),
  externalId: z.string(),
  kind: z.enum(POLL_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  projectId: z.number().int().nullable(),
  /** The project's title, for a vote (null once the project is removed). */
  projectTitle: z.string().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  verification: z.enum(VERIFICATION_LEVELS),
  results: z.enum(RESULTS_VISIBILITY),
  questions: z.array(pollQuestionSchema),
  /** Null while the poll is on the portal (or on its way there). */
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** Online answers received so far (brought by the pull). */
  answers: z.number().int(),
  /** Paper ballots entered by the mairie (« Résultats »); null when none are: once some are, the questions' shape is kept. */
  paperBallots: z.number().int().nullable(),
  /** Its last send or withdrawal through the outbox. */
  item: outboxItemSchema.nullable(),
})
export type Poll = z.infer<typeof pollSchema>

const byId = z.object({ id: idField })

export const pollsMethods = methodsOf('polls')({
  'polls.list': method({
    input: none,
    output: z.object({ items: z.array(pollSchema) }),
    access: 'profile',
    reads: ['portal', 'citizens', 'projects'],
  }),
  'polls.get': method({ input: byId, output: pollSchema, access: 'profile', reads: ['portal', 'citizens', 'projects'] }),
  /** Saved at once and queued for the portal. */
  'polls.create': method({ input: pollInput, output: pollSchema, access: 'profile', changes: ['portal'] }),
  /** Saved and republished (a withdrawn poll stays off the portal). */
  'polls.update': method({ input: z.object({ id: idField, poll: pollInput }), output: pollSchema, access: 'profile', changes: ['portal'] }),
  /** Off the portal; kept here with its answers, and published again with `polls.republish`. */
  'polls.withdraw': method({ input: byId, output: pollSchema, access: 'profile', changes: ['portal'] }),
  'polls.republish': method({ input: byId, output: pollSchema, access: 'profile', changes: ['portal'] }),
})
