import { z } from 'zod'
import { method, methodsOf } from './define'
import { byIdInput, idField, isoDateField, okSchema } from './fields'

/* The values of a project's indicator over time. */

export const measurementSchema = z.object({ id: z.number().int(), measuredOn: z.string(), value: z.number() })
export const measurementAddInput = z.object({
  indicatorId: idField,
  measuredOn: isoDateField,
  value: z.number({ error: 'La mesure doit être un nombre.' }).finite({ error: 'La mesure doit être un nombre.' }),
})

export const measurementsMethods = methodsOf('measurements')({
  'measurements.add': method({ input: measurementAddInput, output: measurementSchema, access: 'profile', changes: ['projects'] }),
  'measurements.remove': method({ input: byIdInput, output: okSchema, access: 'profile', changes: ['projects'] }),
})
