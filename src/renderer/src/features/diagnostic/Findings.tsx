import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Finding } from '../../../../shared/contract'
import { formatPercent, themeAnswersPath } from './labels'

interface FindingsProps {
  campaignId: number
  strengths: Finding[]
  weaknesses: Finding[]
}

function FindingItem({ finding, campaignId, tone }: { finding: Finding; campaignId: number; tone: 'strength' | 'weakness' }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" radius="md" aria-label={finding.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            {finding.kind === 'obligation' && (
              <Badge color="red" variant="filled" size="sm" tt="none">
                {t('diagnostic.unmetObligation')}
              </Badge>
            )}
            <Text fw={600}>{finding.title}</Text>
          </Group>
          <Text size="sm">{finding.detail}</Text>
          {tone === 'weakness' && (
            <Text size="sm" c="marianne.8">
              {t('diagnostic.nextStep')} : {finding.nextStep}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="sm" fw={600}>
            {formatPercent(finding.score)}
          </Text>
          <Anchor component={Link} to={themeAnswersPath(campaignId, finding.themeId)} size="sm">
            {t('diagnostic.openTheme')}
          </Anchor>
        </Stack>
      </Group>
    </Paper>
  )
}

/** Strengths and weaknesses; unmet obligations come first among the weaknesses. */
export function Findings({ campaignId, strengths, weaknesses }: FindingsProps) {
  const { t } = useTranslation()
  return (
    <Stack>
      <Stack gap="xs" aria-label={t('diagnostic.weaknesses')}>
        <Title order={2} size="h3">
          {t('diagnostic.weaknesses')}
        </Title>
        {weaknesses.length === 0 ? (
          <Text c="dimmed">{t('diagnostic.noWeakness')}</Text>
        ) : (
          weaknesses.slice(0, 12).map((f) => <FindingItem key={`${f.kind}-${f.criterionId ?? f.themeId}`} finding={f} campaignId={campaignId} tone="weakness" />)
        )}
      </Stack>
      <Stack gap="xs" aria-label={t('diagnostic.strengths')}>
        <Title order={2} size="h3">
          {t('diagnostic.strengths')}
        </Title>
        {strengths.length === 0 ? (
          <Text c="dimmed">{t('diagnostic.noStrength')}</Text>
        ) : (
          strengths.slice(0, 8).map((f) => <FindingItem key={f.themeId} finding={f} campaignId={campaignId} tone="strength" />)
        )}
      </Stack>
    </Stack>
  )
}
