import { useEffect, useState } from 'react'
import { DATA_PROGRESS_TASK, type DataOperationProgress } from '@shared/contract'
import { onEvent } from '../../api/client'

/** The backup, restore, export or import running now (from the main process's `progress` events), or null. */
export function useDataProgress(initial: DataOperationProgress | null = null): DataOperationProgress | null {
  // undefined until the first event: until then the status the page loaded says what runs.
  const [progress, setProgress] = useState<DataOperationProgress | null | undefined>(undefined)
  useEffect(
    () =>
      onEvent('progress', (event) => {
        if (!event.task.startsWith(`${DATA_PROGRESS_TASK}:`)) return
        const operation = event.task.slice(DATA_PROGRESS_TASK.length + 1)
        if (operation === 'fin') setProgress(null)
        else setProgress({ operation: operation as DataOperationProgress['operation'], step: event.label, done: event.done, total: event.total })
      }),
    [],
  )
  return progress === undefined ? initial : progress
}
