import { Alert, Anchor, Text } from '@mantine/core'
import { IconSchool } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { formatCents, formatDate } from '../../lib/format'

/** On the référentiel's theme « Formation et droits des élus »: what the Formation page knows, and a link to it. */
export function TrainingFacts() {
  const { t } = useTranslation()
  const overview = useApiQuery('training.overview', {})
  if (!overview.data) return null
  const { obligations: o, budget: b } = overview.data
  const trained = o.delegatesTotal - o.untrained.length
  return (
    <Alert variant="light" icon={<IconSchool size={18} />} title={t('training.facts.title')} aria-label={t('training.facts.title')}>
      <Text size="sm">
        {o.deliberation.recordedOn
          ? t('training.facts.deliberationDone', { date: formatDate(o.deliberation.recordedOn) })
          : t('training.facts.deliberationTodo')}
      </Text>
      <Text size="sm">
        {b.votedCents === null
          ? t('training.facts.noCredits', { year: b.year })
          : t('training.facts.credits', {
              year: b.year,
              voted: formatCents(b.votedCents),
              floor: b.floorCents === null ? '—' : formatCents(b.floorCents),
            })}
      </Text>
      {o.delegatesTotal > 0 && <Text size="sm">{t('training.facts.delegates', { trained, total: o.delegatesTotal })}</Text>}
      <Anchor component={Link} to="/formation" size="sm">
        {t('training.facts.open')}
      </Anchor>
    </Alert>
  )
}
