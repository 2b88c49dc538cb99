/**
 * Formation des élus: each élu's trainings, rights and needs, the commune's duties (first-year training of the élus
 * with a délégation, the council's délibération, the budget between its legal floor and ceiling) and the yearly
 * table of the trainings the commune financed. The legal figures come from resources/formation/formation.json.
 */
import { z } from 'zod'
import { legalReferenceSchema } from '../referentiel/schema'
import { method, methodsOf } from './define'
import {
  byIdInput,
  centsField,
  fileContentSchema,
  fileOpenedSchema,
  fileUploadField,
  idField,
  okSchema,
  optionalDateField,
  optionalText,
  requiredText,
  yearField,
} from './fields'
import { memberRoleSchema } from './members'

/* ─── Shipped content ──────────────────────────────────────────────────────────────── */

export const trainingContentSchema = z
  .object({
    version: z.string().min(1),
    /** When the texts were last read (YYYY-MM-DD). */
    checkedOn: z.string().regex(/^\d{4}-\d\d-\d\d$/),
    rules: z
      .object({
        firstYearMonths: z.number().int().positive(),
        deliberationMonths: z.number().int().positive(),
        budgetFloorPercent: z.number().positive(),
        budgetCeilingPercent: z.number().positive(),
        difYearlyEuros: z.number().int().positive(),
        difCeilingEuros: z.number().int().positive(),
        trainingLeaveDays: z.number().int().positive(),
        incomeLossDays: z.number().int().positive(),
      })
      .strict(),
    ruleSources: z.array(
      z
        .object({
          rule: z.string().min(1),
          label: z.string().min(3),
          legalBasis: z.array(legalReferenceSchema).min(1),
          /** false: the figure could not be read in the consolidated text; `note` says what was read instead. */
          confirmed: z.boolean(),
          note: z.string().min(10).optional(),
        })
        .strict(),
    ),
    rights: z.array(
      z
        .object({
          id: z.string().min(1),
          title: z.string().min(3),
          text: z.string().min(20),
          legalBasis: z.array(legalReferenceSchema).min(1),
          link: z
            .object({ label: z.string().min(3), url: z.url() })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    allowancesHelp: z.array(z.string().min(10)).min(1),
    sources: z.array(z.object({ title: z.string().min(3), publisher: z.string().min(3), url: z.url(), description: z.string().min(10) }).strict()),
    catalogue: z.array(
      z
        .object({
          domainId: z.string().min(1),
          /** Words of a délégation that point to this domain (« voirie », « école »…), matched without accents. */
          keywords: z.array(z.string().min(2)).min(1),
          themes: z.array(z.object({ title: z.string().min(3), description: z.string().min(10) }).strict()).min(1),
        })
        .strict(),
    ),
  })
  .strict()
export type TrainingContent = z.infer<typeof trainingContentSchema>

/* ─── Trainings ────────────────────────────────────────────────────────────────────── */

export const TRAINING_STATUSES = ['souhaitee', 'demandee', 'inscrite', 'suivie', 'annulee'] as const
export type TrainingStatus = (typeof TRAINING_STATUSES)[number]
export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  souhaitee: 'Souhaitée',
  demandee: 'Demandée',
  inscrite: 'Inscrite',
  suivie: 'Suivie',
  annulee: 'Annulée',
}

export const TRAINING_MODES = ['presentiel', 'distance'] as const
export const TRAINING_MODE_LABELS: Record<(typeof TRAINING_MODES)[number], string> = { presentiel: 'Présentiel', distance: 'À distance' }

export const TRAINING_FUNDINGS = ['budget_communal', 'dif', 'autre'] as const
export type TrainingFunding = (typeof TRAINING_FUNDINGS)[number]
export const TRAINING_FUNDING_LABELS: Record<TrainingFunding, string> = {
  budget_communal: 'Budget communal',
  dif: 'DIF des élus',
  autre: 'Autre financement',
}

/** Training amounts: integer cents, never negative (the shared money field). */
const eurosCents = centsField

function quantity(label: string, max: number) {
  return z
    .number({ error: `${label} doit être un nombre.` })
    .finite({ error: `${label} doit être un nombre.` })
    .min(0, { error: `${label} ne peut pas être négative.` })
    .max(max, { error: `${label} ne peut pas dépasser ${max}.` })
    .refine((value) => Number.isInteger(value * 2), { error: `${label} se compte par demi-unités (exemple : 1,5).` })
}

const trainingFields = z.object({
  memberId: idField,
  title: requiredText("L'intitulé de la formation", 200),
  providerId: idField.nullable().default(null),
  startOn: optionalDateField,
  endOn: optionalDateField,
  durationHours: quantity('La durée', 2000).nullable().default(null),
  mode: z.enum(TRAINING_MODES, { error: "Cette modalité n'existe pas." }).default('presentiel'),
  domainId: z.string().max(80).nullable().default(null),
  costCents: eurosCents('Le coût de la formation').default(0),
  funding: z.enum(TRAINING_FUNDINGS, { error: "Ce mode de financement n'existe pas." }).default('budget_communal'),
  travelCents: eurosCents('Les frais de déplacement et de séjour').default(0),
  lostIncomeCents: eurosCents('La perte de revenu compensée').default(0),
  /** Days of training leave (élus who are employees) this training takes. */
  leaveDays: quantity('Le nombre de jours de congé', 60).default(0),
  status: z.enum(TRAINING_STATUSES, { error: "Ce statut n'existe pas." }).default('souhaitee'),
  notes: optionalText('Les remarques', 2000),
  /** Where the need came from (a weakness of the diagnostic, a délégation). */
  sourceThemeId: z.string().max(120).nullable().default(null),
  sourceCriterionId: z.string().max(120).nullable().default(null),
})

/** Rules that need two fields; checked here and again in the core against the mandate. */
function checkTraining(value: Pick<z.infer<typeof trainingFields>, 'startOn' | 'endOn' | 'status'>, ctx: z.RefinementCtx): void {
  if (value.startOn && value.endOn && value.endOn < value.startOn) {
    ctx.addIssue({ code: 'custom', message: 'La date de fin ne peut pas précéder la date de début.', path: ['endOn'] })
  }
  if (value.endOn && !value.startOn) {
    ctx.addIssue({ code: 'custom', message: 'Indiquez la date de début avant la date de fin.', path: ['startOn'] })
  }
  if ((value.status === 'inscrite' || value.status === 'suivie') && !value.startOn) {
    ctx.addIssue({
      code: 'custom',
      message: 'Une formation inscrite ou suivie a une date de début : indiquez-la.',
      path: ['startOn'],
    })
  }
}

export const trainingInputSchema = trainingFields.superRefine(checkTraining)
export type TrainingInput = z.input<typeof trainingInputSchema>
export const trainingUpdateInput = trainingFields.omit({ memberId: true }).extend({ id: idField }).superRefine(checkTraining)

export const trainingSchema = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  title: z.string(),
  providerId: z.number().int().nullable(),
  providerName: z.string().nullable(),
  providerApproved: z.boolean().nullable(),
  providerApprovalNumber: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  durationHours: z.number().nullable(),
  mode: z.enum(TRAINING_MODES),
  domainId: z.string().nullable(),
  costCents: z.number().int(),
  funding: z.enum(TRAINING_FUNDINGS),
  travelCents: z.number().int(),
  lostIncomeCents: z.number().int(),
  leaveDays: z.number(),
  status: z.enum(TRAINING_STATUSES),
  notes: z.string(),
  sourceThemeId: z.string().nullable(),
  sourceCriterionId: z.string().nullable(),
  attestation: z.object({ fileName: z.string(), mimeType: z.string(), size: z.number().int() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Training = z.infer<typeof trainingSchema>

export const attestationAddInput = z.object({
  id: idField,
  fileName: requiredText('Le nom du fichier', 200),
  contentBase64: fileUploadField,
})

/* ─── Rights, needs ────────────────────────────────────────────────────────────────── */

export const rightsInputSchema = z.object({
  memberId: idField,
  isEmployee: z.boolean({ error: 'Indiquez si l’élu est salarié (oui ou non).' }),
  /** The DIF balance the élu read on « Mon compte élu ». */
  difBalanceCents: eurosCents('Le solde du DIF').nullable().default(null),
  difBalanceOn: optionalDateField,
})

export const suggestionSchema = z.object({
  /** Stable key: `theme:<id>` or `domain:<id>`. */
  key: z.string(),
  title: z.string(),
  description: z.string(),
  domainId: z.string(),
  domainTitle: z.string(),
  themeId: z.string().nullable(),
  criterionId: z.string().nullable(),
  /** Why it is suggested: « Obligation non remplie : … », « Point faible du diagnostic : … », « Votre délégation : … ». */
  reason: z.string(),
  kind: z.enum(['obligation', 'faiblesse', 'delegation']),
})
export type TrainingSuggestion = z.infer<typeof suggestionSchema>

export const memberTrainingSchema = z.object({
  memberId: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  role: memberRoleSchema,
  rank: z.number().int().nullable(),
  delegation: z.string(),
  /** Adjoints and conseillers délégués: concerned by the first-year training. */
  hasDelegation: z.boolean(),
  /** A training followed during the first year of the mandate. */
  trainedInFirstYear: z.boolean(),
  rights: z.object({
    isEmployee: z.boolean(),
    difBalanceCents: z.number().int().nullable(),
    difBalanceOn: z.string().nullable(),
    leaveDaysLimit: z.number(),
    leaveDaysUsed: z.number(),
    leaveDaysPlanned: z.number(),
    incomeLossDaysLimit: z.number(),
  }),
  trainings: z.array(trainingSchema),
  suggestions: z.array(suggestionSchema),
})
export type MemberTraining = z.infer<typeof memberTrainingSchema>

/* ─── The commune's duties and budget ─────────────────────────────────────────────── */

export const budgetYearSchema = z.object({
  year: z.number().int(),
  /** Total of the maximal allowances (entered once); null until entered. */
  maxAllowancesCents: z.number().int().nullable(),
  floorCents: z.number().int().nullable(),
  ceilingCents: z.number().int().nullable(),
  /** Credits the council voted for the year (null: not entered). */
  votedCents: z.number().int().nullable(),
  carriedInCents: z.number().int(),
  /** Trainings paid by the commune, requested or registered (not followed yet). */
  committedCents: z.number().int(),
  /** Trainings paid by the commune and followed. */
  spentCents: z.number().int(),
  availableCents: z.number().int(),
  /** What goes to next year's budget (0 after a renewal year). */
  carryOutCents: z.number().int(),
  renewalYear: z.boolean(),
  belowFloor: z.boolean(),
  aboveCeiling: z.boolean(),
  openingCarryCents: z.number().int().nullable(),
})
export type BudgetYear = z.infer<typeof budgetYearSchema>

export const obligationsSchema = z.object({
  installedOn: z.string().nullable(),
  /** Last day of the first year of the mandate (installation + 12 months − 1 day). */
  firstYearEndsOn: z.string().nullable(),
  delegatesTotal: z.number().int(),
  untrained: z.array(z.object({ memberId: z.number().int(), name: z.string(), roleLabel: z.string(), planned: z.boolean() })),
  deliberation: z.object({ dueOn: z.string().nullable(), recordedOn: z.string().nullable() }),
})
export type TrainingObligations = z.infer<typeof obligationsSchema>

export const providerInputSchema = z.object({
  name: requiredText("Le nom de l'organisme", 200),
  approved: z.boolean().default(false),
  approvalNumber: optionalText("Le numéro d'agrément", 60),
  contact: optionalText('Le contact', 500),
})
export const providerUpdateInput = providerInputSchema.extend({ id: idField })
export const providerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  approved: z.boolean(),
  approvalNumber: z.string(),
  contact: z.string(),
  trainings: z.number().int(),
})
export type TrainingProvider = z.infer<typeof providerSchema>

export const trainingSettingsInput = z.object({
  maxAllowancesCents: eurosCents('Le total des indemnités maximales').nullable().default(null),
  deliberationOn: optionalDateField,
})

export const budgetInputSchema = z.object({
  year: yearField,
  votedCents: eurosCents('Les crédits votés').nullable().default(null),
  openingCarryCents: eurosCents('Le report de l’année précédente').nullable().default(null),
})

export const trainingOverviewInput = z.object({ year: yearField.nullable().default(null) })

export const trainingOverviewSchema = z.object({
  content: trainingContentSchema,
  today: z.string(),
  mandate: z.object({ startYear: z.number().int(), endYear: z.number().int(), installedOn: z.string().nullable() }),
  settings: z.object({ maxAllowancesCents: z.number().int().nullable(), deliberationOn: z.string().nullable() }),
  obligations: obligationsSchema,
  budget: budgetYearSchema,
  members: z.array(memberTrainingSchema),
  providers: z.array(providerSchema),
})
export type TrainingOverview = z.infer<typeof trainingOverviewSchema>

export const trainingForMemberInput = z.object({ memberId: idField.nullable().default(null) })
export const trainingForMemberSchema = z.object({
  content: trainingContentSchema,
  member: memberTrainingSchema.nullable(),
  providers: z.array(providerSchema),
})

/** One line of the yearly table annexed to the compte administratif / compte financier unique. */
export const yearTableRowSchema = z.object({
  trainingId: z.number().int(),
  memberName: z.string(),
  roleLabel: z.string(),
  title: z.string(),
  providerName: z.string(),
  approvalNumber: z.string(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  durationHours: z.number().nullable(),
  costCents: z.number().int(),
  travelCents: z.number().int(),
  lostIncomeCents: z.number().int(),
  totalCents: z.number().int(),
})
export const yearTableSchema = z.object({
  year: z.number().int(),
  rows: z.array(yearTableRowSchema),
  totals: z.object({ costCents: z.number().int(), travelCents: z.number().int(), lostIncomeCents: z.number().int(), totalCents: z.number().int() }),
  budget: budgetYearSchema,
})
export type YearTable = z.infer<typeof yearTableSchema>
export const yearTableInput = z.object({ year: yearField })
export const yearTableExportInput = z.object({
  year: yearField,
  format: z.enum(['xlsx', 'csv'], { error: 'Le format doit être XLSX ou CSV.' }).default('xlsx'),
})

const TRAINING_READS = [
  'training',
  'members',
  'mandate',
  'themes',
  'campaigns',
  'answers',
  'commune',
  'communeProfile',
  'citizenInputs',
  'citizens',
] as const
const settingsSchema = z.object({ maxAllowancesCents: z.number().int().nullable(), deliberationOn: z.string().nullable() })

export const trainingMethods = methodsOf('training')({
  /** The Formation page: every élu, the commune's duties, the budget of a year, the organismes. */
  'training.overview': method({ input: trainingOverviewInput, output: trainingOverviewSchema, access: 'profile', reads: TRAINING_READS }),
  /** The élu's own view (« Mes tâches »); null: the signed-in profile's person. */
  'training.forMember': method({ input: trainingForMemberInput, output: trainingForMemberSchema, access: 'profile', reads: TRAINING_READS }),
  /** An élu manages their own trainings and wishes; an administrator anyone's. */
  'training.create': method({ input: trainingInputSchema, output: trainingSchema, access: 'profile', changes: ['training'] }),
  'training.update': method({ input: trainingUpdateInput, output: trainingSchema, access: 'profile', changes: ['training'] }),
  'training.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['training'] }),
  'training.addAttestation': method({ input: attestationAddInput, output: trainingSchema, access: 'profile', changes: ['training'] }),
  'training.getAttestation': method({ input: byIdInput, output: fileContentSchema, access: 'profile', reads: ['training'] }),
  /** Opens the attestation with the computer's viewer (Electron); `opened: false` asks the renderer to download it. */
  'training.openAttestation': method({ input: byIdInput, output: fileOpenedSchema, access: 'profile', reads: ['training'] }),
  'training.removeAttestation': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['training'] }),
  'training.setRights': method({ input: rightsInputSchema, output: okSchema, access: 'profile', changes: ['training'] }),
  'training.updateSettings': method({ input: trainingSettingsInput, output: settingsSchema, access: 'admin', changes: ['training'] }),
  'training.setBudget': method({ input: budgetInputSchema, output: budgetYearSchema, access: 'admin', changes: ['training'] }),
  /** The yearly table of the trainings the commune financed (annex to the compte administratif / CFU). */
  'training.yearTable': method({ input: yearTableInput, output: yearTableSchema, access: 'profile', reads: ['training', 'members', 'mandate'] }),
  'training.exportYearTable': method({ input: yearTableExportInput, output: fileContentSchema, access: 'profile', reads: ['training', 'members'] }),
  /** The commune's list of organismes (name, ministry agrément, contact). */
  'training.createProvider': method({ input: providerInputSchema, output: providerSchema, access: 'admin', changes: ['training'] }),
  'training.updateProvider': method({ input: providerUpdateInput, output: providerSchema, access: 'admin', changes: ['training'] }),
  'training.removeProvider': method({ input: byIdInput, output: okSchema, access: 'admin', changes: ['training'] }),
})
