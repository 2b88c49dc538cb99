import { z } from 'zod'
import { POLL_KINDS, QUESTION_KINDS, RESULTS_VISIBILITY } from '../relay/vocabulary'
import { DATA_DOMAINS, method, methodsOf } from './define'
import { fileContentSchema, idField } from './fields'
import { reportFileSchema } from './reports'
import { formatInteger } from '../format'

/* ─── Results of a poll or vote: online answers (pulled from the portal) + paper ballots entered by the mairie ─── */

/** More paper ballots than this for one poll is a typing mistake (the largest French communes have fewer voters). */
export const PAPER_BALLOTS_AT_MOST = 1_000_000

const paperNumber = (what: string) =>
  z
    .number({ error: `${what} doit être un nombre.` })
    .int({ error: `${what} doit être un nombre entier.` })
    .min(0, { error: `${what} ne peut pas être négatif.` })
    .max(PAPER_BALLOTS_AT_MOST, { error: `${what} dépasse ${formatInteger(PAPER_BALLOTS_AT_MOST)} : vérifiez la saisie.` })

const choiceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'L’identifiant d’une question ou d’un choix est invalide.' })

export const paperCountInput = z.object({ questionId: choiceId, optionId: choiceId, count: paperNumber('Le nombre de bulletins pour un choix') })

export const paperBallotsInput = z.object({
  pollId: idField,
  /** Paper ballots received, blank ones included. */
  ballots: paperNumber('Le nombre de bulletins papier'),
  /** Per option of the choice questions; an option left out counts 0. */
  counts: z.array(paperCountInput).max(2000, { error: 'Trop de nombres saisis pour une seule consultation.' }),
})
export type PaperBallotsInput = z.input<typeof paperBallotsInput>

const tally = z.object({ online: z.number().int(), paper: z.number().int(), total: z.number().int() })
export type Tally = z.infer<typeof tally>

export const optionResultSchema = tally.extend({
  id: z.string(),
  label: z.string(),
  /** Share of the total, in % with one decimal (single choice: of the answers to the question, summing to 100). */
  percent: z.number(),
})

export const questionResultSchema = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  label: z.string(),
  /** Who answered this question: online answers that chose something, paper ballots that did (all of them for a multiple choice). */
  answered: tally,
  options: z.array(optionResultSchema),
  /** Short-text answers, as citizens typed them: plain text, never HTML. */
  texts: z.array(z.object({ text: z.string(), answeredAt: z.string() })),
})
export type QuestionResult = z.infer<typeof questionResultSchema>

export const pollResultsSchema = z.object({
  poll: z.object({
    id: z.number().int(),
    kind: z.enum(POLL_KINDS),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    results: z.enum(RESULTS_VISIBILITY),
    withdrawnAt: z.string().nullable(),
  }),
  /** « à venir », « en cours » or « close », on the commune's calendar. */
  stage: z.enum(['a_venir', 'en_cours', 'close']),
  /** Until the poll closes the figures can still move: shown as « provisoires ». */
  provisional: z.boolean(),
  /** Results « à la clôture » of a poll not closed yet: the mairie sees them, the citizens do not. */
  hiddenFromCitizens: z.boolean(),
  /** People who took part: online answers + paper ballots. */
  participation: tally,
  paper: z.object({ ballots: z.number().int(), updatedAt: z.string(), updatedBy: z.string() }).nullable(),
  questions: z.array(questionResultSchema),
})
export type PollResults = z.infer<typeof pollResultsSchema>

const byPoll = z.object({ pollId: idField })

export const pollResultsMethods = methodsOf('pollResults')({
  'pollResults.get': method({ input: byPoll, output: pollResultsSchema, access: 'profile', reads: ['portal', 'citizens'] }),
  /** Enters or corrects the paper ballots of a poll (all its paper numbers at once). */
  'pollResults.setPaper': method({ input: paperBallotsInput, output: pollResultsSchema, access: 'profile', changes: ['portal'] }),
  'pollResults.removePaper': method({ input: byPoll, output: pollResultsSchema, access: 'profile', changes: ['portal'] }),
  /** The results as a spreadsheet: one line per choice (online, paper, total, %), then the short answers. */
  'pollResults.export': method({
    input: byPoll.extend({ format: z.enum(['xlsx', 'csv'], { error: 'Le format doit être XLSX ou CSV.' }) }),
    output: fileContentSchema,
    access: 'profile',
    reads: ['portal', 'citizens'],
  }),
  /** « PDF des résultats »: participation, a chart and a table per question, the short answers. */
  'pollResults.pdf': method({ input: byPoll, output: reportFileSchema, access: 'profile', reads: DATA_DOMAINS }),
})
