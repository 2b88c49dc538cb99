import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload, ReportFile, ReportRequest } from '@shared/contract'
import { call, errorMessage, onEvent } from '../../api/client'
import { serverFieldErrors, type FormErrors } from '../../lib/validation'
import { newJobId } from './report-request'

export interface GeneratedReport {
  /** Identifies this preview: a new report gets a new one. */
  jobId: string
  request: ReportRequest
  file: ReportFile
}

export interface ReportGeneration {
  running: boolean
  /** The last `progress` event of the running report, null before the first one. */
  progress: EventPayload<'progress'> | null
  error: string | null
  /** Fields the main process refused, keyed like the form's (`sections`, `projectIds`…). */
  fieldErrors: FormErrors
  report: GeneratedReport | null
  generate(request: ReportRequest): Promise<void>
}

/**
 * Asks the core for a PDF and follows its `progress` events (task `report:<jobId>`, a fresh jobId per request).
 * A failure keeps the previous preview: nothing the user had is lost.
 */
export function useReportGeneration(): ReportGeneration {
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<EventPayload<'progress'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FormErrors>({})
  const [report, setReport] = useState<GeneratedReport | null>(null)
  const current = useRef<string | null>(null)
  const mounted = useRef(true)
  const queryClient = useQueryClient()

  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const generate = useCallback(
    async (request: ReportRequest) => {
      const jobId = newJobId()
      current.current = jobId
      setRunning(true)
      setProgress(null)
      setError(null)
      setFieldErrors({})
      const stop = onEvent('progress', (payload) => {
        if (payload.task === `report:${jobId}` && current.current === jobId && mounted.current) setProgress(payload)
      })
      try {
        const file = await call('reports.generate', { request, jobId })
        // The home page's « Pour commencer » ends with a first report.
        void queryClient.invalidateQueries({ queryKey: ['onboarding.get'] })
        if (current.current === jobId && mounted.current) setReport({ jobId, request, file })
      } catch (failure) {
        if (current.current === jobId && mounted.current) {
          setError(errorMessage(failure))
          setFieldErrors(serverFieldErrors(failure, 'request.'))
        }
      } finally {
        stop()
        if (current.current === jobId && mounted.current) {
          setRunning(false)
          setProgress(null)
        }
      }
    },
    [queryClient],
  )

  return { running, progress, error, fieldErrors, report, generate }
}
