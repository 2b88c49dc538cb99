import '../../components/charts/setup'
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconFileTypePdf, IconInfoCircle, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PollResults, QuestionResult } from '@shared/contract'
import { POLL_KIND_LABELS } from '@shared/relay/vocabulary'
import { call, errorMessage } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { PollResultsBars } from '../../components/charts/PollResultsBars'
import { RemoveButton } from '../../components/RemoveButton'
import { saveReceivedFile } from '../../lib/files'
import { formatDate, formatDateTime, formatInteger, formatPercent } from '../../lib/format'
import { CitizenText } from '../citizens/CitizenText'
import { PaperBallotsDialog } from './PaperBallotsDialog'

const STAGE_COLORS = { a_venir: 'gray', en_cours: 'blue', close: 'green' } as const

async function saveResults(fetch: () => Promise<{ fileName: string; mimeType: string; contentBase64: string }>, failedTitle: string) {
  try {
    saveReceivedFile(await fetch())
  } catch (error) {
    notifications.show({ color: 'red', title: failedTitle, message: errorMessage(error) })
  }
}

/** The results of one poll or vote: participation, a chart and a table per question, the paper ballots, the exports. */
export function PollResultsView({ results }: { results: PollResults }) {
  const { t } = useTranslation()
  const [entering, setEntering] = useState(false)
  const removePaper = useApiMutation('pollResults.removePaper')
  const pollId = results.poll.id
  const { participation, paper } = results
  const failed = t('pollResults.exportFailed')

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component={Link} to="/consultations" size="sm">
            {t('pollResults.back')}
          </Anchor>
          <Text size="sm" c="dimmed">
            {POLL_KIND_LABELS[results.poll.kind]} ·{' '}
            {t('pollResults.period', { opensOn: formatDate(results.poll.opensOn), closesOn: formatDate(results.poll.closesOn) })}
          </Text>
          <Title order={1}>{results.poll.title}</Title>
          <Group gap="xs">
            <Badge color={STAGE_COLORS[results.stage]} variant="light">
              {t(`pollResults.stage_${results.stage}`)}
            </Badge>
            {results.poll.withdrawnAt && <Badge color="gray">{t('pollResults.withdrawn')}</Badge>}
            <Badge color={results.provisional ? 'orange' : 'green'} variant="filled">
              {results.provisional ? t('pollResults.provisional') : t('pollResults.final')}
            </Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => saveResults(() => call('pollResults.export', { pollId, format: 'xlsx' }), failed)}
          >
            {t('pollResults.exportXlsx')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => saveResults(() => call('pollResults.export', { pollId, format: 'csv' }), failed)}
          >
            {t('pollResults.exportCsv')}
          </Button>
          <Button leftSection={<IconFileTypePdf size={16} />} onClick={() => saveResults(() => call('pollResults.pdf', { pollId }), failed)}>
            {t('pollResults.pdf')}
          </Button>
        </Group>
      </Group>

      {results.provisional && (
        <Alert color="orange" icon={<IconInfoCircle size={18} />}>
          {t('pollResults.provisionalHint')}
          {results.hiddenFromCitizens && ` ${t('pollResults.hiddenFromCitizens')}`}
        </Alert>
      )}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('pollResults.participation')}
        </Title>
        <SimpleGrid cols={3} aria-label={t('pollResults.participation')}>
          <Figure label={t('pollResults.online')} value={participation.online} />
          <Figure label={t('pollResults.paper')} value={participation.paper} />
          <Figure label={t('pollResults.total')} value={participation.total} strong />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('pollResults.paperTitle')}
          </Title>
          <Group gap="xs">
            {paper && (
              <RemoveButton
                removal={{
                  title: t('pollResults.paperRemoveTitle'),
                  message: t('pollResults.paperRemoveMessage', { ballots: formatInteger(paper.ballots) }),
                  remove: () => removePaper.mutateAsync({ pollId }),
                }}
              >
                {t('pollResults.paperRemove')}
              </RemoveButton>
            )}
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEntering(true)}>
              {paper ? t('pollResults.paperCorrect') : t('pollResults.paperEnter')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" mt="xs" c={paper ? undefined : 'dimmed'}>
          {paper
            ? t('pollResults.paperEntered', { ballots: formatInteger(paper.ballots), by: paper.updatedBy, at: formatDateTime(paper.updatedAt) })
            : t('pollResults.paperNone')}
        </Text>
      </Paper>

      {results.questions.length === 0 && <Text c="dimmed">{t('pollResults.noQuestions')}</Text>}
      {results.questions.map((question) => (
        <QuestionResults key={question.id} question={question} />
      ))}

      {entering && <PaperBallotsDialog results={results} onClose={() => setEntering(false)} />}
    </Stack>
  )
}

function Figure({ label, value, strong = false }: { label: string; value: number; strong?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={strong ? 700 : 500}>
        {formatInteger(value)}
      </Text>
    </Stack>
  )
}

function QuestionResults({ question }: { question: QuestionResult }) {
  const { t } = useTranslation()
  const { answered } = question
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={question.label}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {question.label}
        </Title>
        <Text size="sm" c="dimmed">
          {t('pollResults.answered', {
            total: formatInteger(answered.total),
            online: formatInteger(answered.online),
            paper: formatInteger(answered.paper),
          })}
        </Text>
        {question.kind === 'texte_court' ? (
          <ShortAnswers texts={question.texts} />
        ) : (
          <>
            <PollResultsBars rows={question.options} label={t('pollResults.chartLabel', { question: question.label })} />
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('pollResults.choice')}</Table.Th>
                  <Table.Th ta="right">{t('pollResults.online')}</Table.Th>
                  <Table.Th ta="right">{t('pollResults.paper')}</Table.Th>
                  <Table.Th ta="right">{t('pollResults.total')}</Table.Th>
                  <Table.Th ta="right">{t('pollResults.percent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {question.options.map((option) => (
                  <Table.Tr key={option.id}>
                    <Table.Td>{option.label}</Table.Td>
                    <Table.Td ta="right">{formatInteger(option.online)}</Table.Td>
                    <Table.Td ta="right">{formatInteger(option.paper)}</Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {formatInteger(option.total)}
                    </Table.Td>
                    <Table.Td ta="right">{formatPercent(option.percent)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  )
}

/** Short answers as the citizens typed them: plain text, only https links clickable, each behind a confirmation. */
function ShortAnswers({ texts }: { texts: QuestionResult['texts'] }) {
  const { t } = useTranslation()
  if (texts.length === 0) return <Text c="dimmed">{t('pollResults.noTexts')}</Text>
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('pollResults.texts', { count: texts.length })}</Text>
      {texts.map((answer, index) => (
        <Paper key={index} withBorder p="xs" radius="sm">
          <CitizenText size="sm" links>
            {answer.text}
          </CitizenText>
          <Text size="xs" c="dimmed">
            {formatDateTime(answer.answeredAt)}
          </Text>
        </Paper>
      ))}
    </Stack>
  )
}
