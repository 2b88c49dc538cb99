import type { HandlersOf } from '../handler'
import { generateReport } from '../reports/generate'

export const reportsHandlers: HandlersOf<'reports'> = {
  'reports.generate': ({ request, jobId }, context) =>
    generateReport(context, request, (done, total, label) => context.emit('progress', { task: `report:${jobId}`, done, total, label })),
}
