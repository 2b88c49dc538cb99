import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { CenteredMessage } from '../../components/CenteredMessage'
import { PollResultsView } from './PollResultsView'

export const pollResultsPath = (pollId: number) => `/consultations/${pollId}/resultats`

/** /consultations/:pollId/resultats — the results of one poll or vote. */
export function PollResultsPage() {
  const { t } = useTranslation()
  const pollId = Number(useParams().pollId)
  const results = useApiQuery('pollResults.get', { pollId }, { enabled: Number.isInteger(pollId) && pollId > 0 })
  if (!Number.isInteger(pollId) || pollId <= 0) return <CenteredMessage title={t('pollResults.notFound')} />
  if (results.isPending) return <CenteredMessage loading title={t('app.loading')} />
  if (results.isError) return <CenteredMessage title={t('pollResults.notFound')} message={results.error.message} onRetry={() => results.refetch()} />
  return <PollResultsView results={results.data} />
}
