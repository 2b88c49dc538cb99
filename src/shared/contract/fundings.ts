import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, centsField, idField, okSchema, optionalDateField, optionalText } from './fields'

/* Grants asked for a project (DETR, DSIL, Région…). */

export const FUNDERS = ['detr', 'dsil', 'region', 'departement', 'europe', 'autre'] as const
export const FUNDER_LABELS: Record<(typeof FUNDERS)[number], string> = {
  detr: 'DETR',
  dsil: 'DSIL',
  region: 'Région',
  departement: 'Département',
  europe: 'Europe',
  autre: 'Autre',
}
export const FUNDING_STATUSES = ['envisagee', 'demandee', 'accordee', 'refusee', 'versee'] as const
export const FUNDING_STATUS_LABELS: Record<(typeof FUNDING_STATUSES)[number], string> = {
  envisagee: 'Envisagée',
  demandee: 'Demandée',
  accordee: 'Accordée',
  refusee: 'Refusée',
  versee: 'Versée',
}

export type FundingStatus = (typeof FUNDING_STATUSES)[number]

/*
 * The funding rule, the one place it is stated (the screens, the dashboard, the exports and the PDF sheet all follow
 * it; core/projects/rules.ts writes the same in SQL from these lists):
 * - requested: every request actually sent, whatever became of it — all statuses but « envisagée »;
 * - obtained: granted or paid grants, for the amount obtained, or the amount requested until it is known.
 */
export const FUNDING_SENT_STATUSES: readonly FundingStatus[] = FUNDING_STATUSES.filter((s) => s !== 'envisagee')
export const FUNDING_OBTAINED_STATUSES: readonly FundingStatus[] = ['accordee', 'versee']

type FundingAmounts = { status: FundingStatus; requestedCents: number; obtainedCents: number | null }

/** What a grant brings (see the rule above). */
export function fundingObtainedCents(funding: FundingAmounts): number {
  return FUNDING_OBTAINED_STATUSES.includes(funding.status) ? (funding.obtainedCents ?? funding.requestedCents) : 0
}

export function fundingTotals(fundings: FundingAmounts[]): { requestedCents: number; obtainedCents: number } {
  return {
    requestedCents: fundings.filter((f) => FUNDING_SENT_STATUSES.includes(f.status)).reduce((sum, f) => sum + f.requestedCents, 0),
    obtainedCents: fundings.reduce((sum, f) => sum + fundingObtainedCents(f), 0),
  }
}

export const fundingSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  funder: z.enum(FUNDERS),
  label: z.string(),
  requestedCents: z.number().int(),
  obtainedCents: z.number().int().nullable(),
  status: z.enum(FUNDING_STATUSES),
  requestedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
})
export const fundingInputSchema = z.object({
  projectId: idField,
  funder: z.enum(FUNDERS, { error: "Ce financeur n'existe pas." }),
  label: optionalText('Le libellé', 200),
  requestedCents: centsField('Le montant demandé'),
  obtainedCents: centsField('Le montant obtenu').nullable().default(null),
  status: z.enum(FUNDING_STATUSES).default('envisagee'),
  requestedOn: optionalDateField,
  decidedOn: optionalDateField,
})
export const fundingUpdateInput = fundingInputSchema.omit({ projectId: true }).extend({ id: idField })

export const fundingsMethods = methodsOf('fundings')({
  'fundings.create': method({ input: fundingInputSchema, output: fundingSchema, access: 'profile', changes: ['projects'] }),
  'fundings.update': method({ input: fundingUpdateInput, output: fundingSchema, access: 'profile', changes: ['projects'] }),
  'fundings.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects'] }),
})
