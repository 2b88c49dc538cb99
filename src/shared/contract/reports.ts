import { z } from 'zod'
import { DATA_DOMAINS, method, methodsOf } from './define'
import { scoreSourceSchema } from './diagnostic'
import { idField, isoDateField, optionalText, yearField } from './fields'

/* ─── PDF reports ──────────────────────────────────────────────────────────────────── */

export const REPORT_KINDS = ['diagnostic', 'dashboard', 'project', 'council', 'training'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** The parts of a dossier de séance, in the order they are printed. */
export const COUNCIL_SECTIONS = ['dashboard', 'diagnostic', 'projects', 'polls', 'deadlines', 'training'] as const
export type CouncilSection = (typeof COUNCIL_SECTIONS)[number]

/** A council pack gathers at most this many project sheets (beyond, print the dashboard's portfolio table). */
export const MAX_COUNCIL_PROJECTS = 60

export const reportRequestSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('diagnostic'),
      campaignId: idField,
      /** What to compare with; null: the previous campaign, else the latest snapshot of another campaign, else nothing. */
      compareWith: z
        .union([scoreSourceSchema, z.literal('none')])
        .nullable()
        .default(null),
    }),
    z.object({ kind: z.literal('dashboard') }),
    z.object({ kind: z.literal('project'), projectId: idField, includeHistory: z.boolean().default(true) }),
    z
      .object({
        kind: z.literal('council'),
        meetingDate: isoDateField,
        /** Printed under the title, e.g. « Séance ordinaire ». */
        subtitle: optionalText('Le sous-titre', 120),
        sections: z
          .array(z.enum(COUNCIL_SECTIONS, { error: "Cette partie du dossier n'existe pas." }))
          .min(1, { error: 'Choisissez au moins une partie à inclure dans le dossier.' }),
        projectIds: z
          .array(idField)
          .max(MAX_COUNCIL_PROJECTS, { error: `Un dossier de séance peut contenir au plus ${MAX_COUNCIL_PROJECTS} fiches projet.` }),
        /** The campaign of the diagnostic part; null: the latest one. */
        campaignId: idField.nullable().default(null),
        /** The year of the formation table; null: the year before the meeting until June (the accounts' vote), else the meeting's. */
        trainingYear: yearField.nullable().default(null),
        /**
         * The council's previous meeting: « Résultats des consultations » start there. null: the last budget session the
         * app knows in the three months before, else those three months.
         */
        previousMeetingDate: isoDateField.nullable().default(null),
      })
      .refine((request) => request.previousMeetingDate === null || request.previousMeetingDate < request.meetingDate, {
        error: 'La séance précédente doit avoir eu lieu avant la date de la séance.',
        path: ['previousMeetingDate'],
      }),
    /** The yearly table of the trainings of élus the commune financed. */
    z.object({ kind: z.literal('training'), year: yearField }),
  ],
  { error: "Ce type de rapport n'existe pas." },
)
export type ReportRequest = z.output<typeof reportRequestSchema>
export type ReportRequestInput = z.input<typeof reportRequestSchema>

export const reportGenerateInput = z.object({
  request: reportRequestSchema,
  /** Chosen by the caller: the `progress` events of this report carry `report:<jobId>` as their task. */
  jobId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "L'identifiant de suivi du rapport est invalide." })
    .default('rapport'),
})

export const reportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.literal('application/pdf'),
  contentBase64: z.string(),
  title: z.string(),
  pageCount: z.number().int().min(1),
})
export type ReportFile = z.infer<typeof reportFileSchema>

export const reportsMethods = methodsOf('reports')({
  /** A PDF report; long ones send `progress` events (task `report:<jobId>`) while they are built. */
  'reports.generate': method({ input: reportGenerateInput, output: reportFileSchema, access: 'profile', reads: DATA_DOMAINS }),
})
