import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  INPUT_KIND_LABELS,
  INPUT_STATUS_LABELS,
  MODERATION_LABELS,
  type InputKind,
  type InputStatus,
  type ModerationState,
} from '@shared/relay/vocabulary'

export const STATUS_COLORS: Record<InputStatus, string> = {
  recue: 'blue',
  a_l_etude: 'yellow',
  retenue: 'teal',
  realisee: 'green',
  non_retenue: 'gray',
}
const MODERATION_COLORS: Record<ModerationState, string> = { en_attente: 'orange', publiee: 'green', masquee: 'red' }

/** Kind, status, moderation and « Nouvelle » of a contribution, in words. */
export function ContributionBadges({
  kind,
  status,
  moderation,
  seen,
}: {
  kind: InputKind
  status: InputStatus
  moderation: ModerationState
  seen: boolean
}) {
  const { t } = useTranslation()
  return (
    <Group gap={6}>
      {!seen && (
        <Badge color="marianne" variant="filled" tt="none">
          {t('citizens.page.new')}
        </Badge>
      )}
      <Badge color="gray" variant="outline" tt="none">
        {INPUT_KIND_LABELS[kind]}
      </Badge>
      <Badge color={STATUS_COLORS[status]} variant="light" tt="none">
        {INPUT_STATUS_LABELS[status]}
      </Badge>
      <Badge color={MODERATION_COLORS[moderation]} variant="dot" tt="none">
        {MODERATION_LABELS[moderation]}
      </Badge>
    </Group>
  )
}
