import { z } from 'zod'
import { method, methodsOf } from './define'
import { fileContentSchema } from './fields'

/* Spreadsheets of the projects and the tasks (XLSX, or CSV for French Excel). */

export const exportInput = z.object({ format: z.enum(['xlsx', 'csv'], { error: 'Le format doit être XLSX ou CSV.' }) })

export const exportsMethods = methodsOf('exports')({
  'exports.projects': method({ input: exportInput, output: fileContentSchema, access: 'profile', reads: ['members', 'projects', 'tasks'] }),
  'exports.tasks': method({ input: exportInput, output: fileContentSchema, access: 'profile', reads: ['members', 'projects', 'tasks'] }),
})
