import { Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Breakdown } from '@shared/contract'
import { formatPercent } from './labels'

/** The overall score and how the answers split, readable at a glance. */
export function ScoreSummary({ overall, unmet, toAnswer }: { overall: Breakdown; unmet: number; toAnswer: number }) {
  const { t } = useTranslation()
  const parts = [
    { key: 'done', label: t('diagnostic.done'), value: overall.done, color: 'marianne.7' },
    { key: 'programmed', label: t('diagnostic.programmed'), value: overall.programmed, color: 'marianne.3' },
    { key: 'notDone', label: t('diagnostic.notDone'), value: overall.notDone, color: 'dark.5' },
    { key: 'notAnswered', label: t('diagnostic.notAnswered'), value: overall.notAnswered, color: 'gray.3' },
  ]
  return (
    <Paper withBorder p="lg" radius="md" aria-label={t('diagnostic.summary')}>
      <SimpleGrid cols={{ base: 1, sm: 4 }} mb="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('diagnostic.overallScore')}
          </Text>
          <Text fz={40} fw={700} lh={1.1} data-testid="overall-score">
            {formatPercent(overall.done)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('diagnostic.scoreExplain')}
          </Text>
        </Stack>
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('diagnostic.answered')}
          </Text>
          <Text fz={28} fw={600}>
            {overall.answeredCriteria} / {overall.applicableCriteria}
          </Text>
          <Text size="sm" c="dimmed">
            {t('diagnostic.applicableCriteria')}
          </Text>
        </Stack>
        <Count
          title={t('diagnostic.blockingTitle')}
          value={unmet}
          color={unmet > 0 ? 'red.8' : 'green.8'}
          explain={t('diagnostic.blockingExplain')}
          testId="unmet-obligations"
        />
        <Count
          title={t('diagnostic.toAnswerTitle')}
          value={toAnswer}
          color={toAnswer > 0 ? 'orange.9' : 'green.8'}
          explain={t('diagnostic.toAnswerExplain')}
          testId="obligations-to-answer"
        />
      </SimpleGrid>
      <Progress.Root size={22} aria-hidden>
        {parts.map((part) => (
          <Tooltip key={part.key} label={`${part.label} : ${formatPercent(part.value)}`}>
            <Progress.Section value={part.value} color={part.color} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="lg" mt="xs">
        {parts.map((part) => (
          <Text key={part.key} size="sm">
            <Text span fw={600}>
              {part.label}
            </Text>{' '}
            {formatPercent(part.value)}
          </Text>
        ))}
      </Group>
    </Paper>
  )
}

function Count({ title, value, color, explain, testId }: { title: string; value: number; color: string; explain: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {title}
      </Text>
      <Text fz={28} fw={600} c={color} data-testid={testId}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {explain}
      </Text>
    </Stack>
  )
}
