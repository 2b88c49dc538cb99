import { List, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ELECTED_ROLES } from '@shared/roles'
import { formatPopulation } from '../../lib/format'
import type { SetupDraft } from './draft'

export function SummaryStep({ draft, hasPassword }: { draft: SetupDraft; hasPassword: boolean }) {
  const { t } = useTranslation()
  const elected = draft.members.filter((m) => ELECTED_ROLES.includes(m.role)).length
  const agents = draft.members.length - elected
  const maire = draft.members.find((m) => m.role === 'maire')
  return (
    <Stack>
      <Text>{t('setup.summary.explain')}</Text>
      <Title order={3} size="h4">
        {draft.commune?.name}
      </Title>
      <List spacing="xs">
        <List.Item>
          {draft.commune && formatPopulation(draft.commune.population)} — {draft.commune?.departementName} ({draft.commune?.departementCode})
        </List.Item>
        <List.Item>{t('setup.summary.mandate', { start: draft.mandate.startYear, end: draft.mandate.endYear })}</List.Item>
        <List.Item>{maire ? t('setup.summary.maire', { name: `${maire.firstName} ${maire.lastName}` }) : t('setup.summary.noMaire')}</List.Item>
        <List.Item>
          {t('setup.summary.elected', { count: elected })} {t('common.and')} {t('setup.summary.agents', { count: agents })}
        </List.Item>
        {draft.communeProfile && (
          <List.Item>{draft.profileReviewed ? t('setup.summary.communeProfileReviewed') : t('setup.summary.communeProfileDefaults')}</List.Item>
        )}
        <List.Item>
          {t('setup.summary.profile', { name: draft.administrator.displayName })}{' '}
          {hasPassword ? t('setup.summary.withPassword') : t('setup.summary.withoutPassword')}
        </List.Item>
      </List>
    </Stack>
  )
}
