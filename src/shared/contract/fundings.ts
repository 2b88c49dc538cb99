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

type FundingAmounts = { status: (typeof FUNDING_STATUSES)[number]; requestedCents: number; obtainedCents: number | null }

/**
 * What a grant brings: granted or paid, the amount obtained (the amount requested until it is known); otherwise
 * nothing. The dashboard and the exports sum the same rule in SQL.
 */
export function fundingObtainedCents(funding: FundingAmounts): number {
  return funding.status === 'accordee' || funding.status === 'versee' ? (funding.obtainedCents ?? funding.requestedCents) : 0
}

/** Requested: every request actually sent (all but « envisagée »); obtained: as `fundingObtainedCents`. */
export function fundingTotals(fundings: FundingAmounts[]): { requestedCents: number; obtainedCents: number } {
  return {
    requestedCents: fundings.filter((f) => f.status !== 'envisagee').reduce((sum, f) => sum + f.requestedCents, 0),
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
