import type { HandlersOf } from '../handler'
import { rememberFirstReport } from '../onboarding/steps'
import { generateReport } from '../reports/generate'

export const reportsHandlers: HandlersOf<'reports'> = {
  'reports.generate': async ({ request, jobId }, context) => {
    const file = await generateReport(context, request, (done, total, label) =>
      context.emit('progress', { task: `report:${jobId}`, done, total, label }),
    )
    // The home page's « Pour commencer » ends with a first report.
    rememberFirstReport(context.db, context.now().toISOString())
    return file
  },
}
