import { Anchor, Badge, Breadcrumbs, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate, todayIso } from '../../lib/format'
import { HOLDER_LABELS } from '../referentiel/labels'
import { AnswerEditor } from './AnswerEditor'
import { citizensOfThemePath, formatPercent, themeAnswersPath } from './labels'
import { formatInteger } from '@shared/format'
import { isTrainingTheme } from '../training/labels'
import { TrainingFacts } from '../training/TrainingFacts'

/** Citizen requests about a theme, counted in the diagnostic: the portal's contributions linked to it, and those entered here. */
export function CitizenRequests({ themeId, themeTitle }: { themeId: string; themeTitle: string }) {
  const { t } = useTranslation()
  const inputs = useApiQuery('citizenInputs.list', {})
  const portal = useApiQuery('citizenInputs.contributionCounts', {})
  const add = useApiMutation('citizenInputs.add')
  const [summary, setSummary] = useState('')
  const [receivedOn, setReceivedOn] = useState(todayIso())
  useLeaveGuard(summary.trim() !== '')
  const mine = (inputs.data ?? []).filter((i) => i.themeId === themeId)
  const fromPortal = portal.data?.find((c) => c.themeId === themeId)?.count ?? 0
  const total = mine.length + fromPortal
  return (
    <Paper withBorder p="md" radius="md" aria-label={t('diagnostic.citizenRequests')}>
      <Title order={2} size="h5" mb="xs">
        {t('diagnostic.citizenRequestsCount', { count: total, n: formatInteger(total) })}
      </Title>
      {fromPortal > 0 ? (
        <Anchor component={Link} to={citizensOfThemePath(themeId)} size="sm">
          {t('diagnostic.portalContributionsOf', { count: fromPortal, n: formatInteger(fromPortal), theme: themeTitle })}
        </Anchor>
      ) : (
        portal.data && (
          <Text size="sm" c="dimmed">
            {t('diagnostic.portalRequestsNone')}
          </Text>
        )
      )}
      <Text size="sm" fw={500} mt="xs">
        {t('diagnostic.localRequestsCount', { count: mine.length, n: formatInteger(mine.length) })}
      </Text>
      {mine.slice(0, 5).map((input) => (
        <Text key={input.id} size="sm">
          {formatDate(input.receivedOn)} — {input.summary}
        </Text>
      ))}
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          try {
            await add.mutateAsync({ themeId, summary, receivedOn })
            setSummary('')
            notifications.show({ color: 'green', message: t('diagnostic.citizenRequestAdded') })
          } catch {
            // Shown below.
          }
        }}
      >
        <Group align="flex-end" mt="xs">
          <TextInput
            label={t('diagnostic.citizenRequestSummary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <FrenchDateInput
            label={t('diagnostic.citizenRequestDate')}
            value={receivedOn}
            onChange={(value) => setReceivedOn(value ?? todayIso())}
            w={170}
          />
          <Button type="submit" variant="light" loading={add.isPending}>
            {t('diagnostic.citizenRequestAdd')}
          </Button>
        </Group>
        <FormError message={add.error?.message ?? null} />
      </form>
    </Paper>
  )
}

/** Answering one theme of a campaign, criterion by criterion. */
export function ThemeAnswersPage() {
  const { t } = useTranslation()
  const params = useParams()
  const campaignId = Number(params.campaignId)
  const themeId = params.themeId ?? ''
  const referentiel = useApiQuery('referentiel.get', {})
  const answers = useApiQuery('answers.list', { campaignId })
  const diagnostic = useApiQuery('diagnostic.get', { campaignId })
  const session = useApiQuery('session.get', {})

  const error = referentiel.error ?? answers.error ?? diagnostic.error
  if (error) return <FormError message={error.message} />
  if (!referentiel.data || !answers.data || !diagnostic.data) return <Loader />

  const themes = referentiel.data.domains.flatMap((d) => d.themes.map((th) => ({ domain: d, theme: th })))
  const index = themes.findIndex((x) => x.theme.id === themeId)
  if (index === -1) return <FormError message={t('diagnostic.unknownTheme')} />
  const { domain, theme } = themes[index]!
  const previous = themes[index - 1]
  const next = themes[index + 1]
  const score = diagnostic.data.scores.domains.find((d) => d.domainId === domain.id)?.themes.find((th) => th.themeId === theme.id)
  const closed = diagnostic.data.campaign.closedAt !== null

  return (
    <Stack maw={960}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/diagnostic/${campaignId}`}>
          {diagnostic.data.campaign.name}
        </Anchor>
        <Text>{domain.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{theme.title}</Title>
          <Text c="dimmed">{theme.description}</Text>
          <Badge variant="light" color="gray" tt="none" w="fit-content">
            {HOLDER_LABELS[theme.usualHolder]}
          </Badge>
        </Stack>
        {score?.applies && (
          <Stack gap={0} align="flex-end" aria-label={t('diagnostic.themeScore')}>
            <Text size="sm" c="dimmed">
              {t('diagnostic.themeScore')}
            </Text>
            <Text fz={32} fw={700} data-testid="theme-score">
              {formatPercent(score.done)}
            </Text>
          </Stack>
        )}
      </Group>
      {closed && <FormError message={t('diagnostic.closedCampaign')} />}
      {isTrainingTheme(theme.id) && <TrainingFacts />}
      {theme.criteria.map((criterion) => {
        const answer = answers.data.find((a) => a.criterionId === criterion.id)
        return (
          <AnswerEditor
            key={`${criterion.id}-${answer?.answeredAt ?? 'vide'}`}
            campaignId={campaignId}
            // The campaign's own applicability: frozen for a closed one, the rule or the commune's decision while open.
            criterion={{
              ...criterion,
              applicability: diagnostic.data.applicability[criterion.id] ?? { applies: false, reason: t('diagnostic.addedAfterClose') },
            }}
            answer={answer}
            closed={closed}
            isAdmin={session.data?.profile?.isAdmin ?? false}
          />
        )
      })}
      <CitizenRequests themeId={theme.id} themeTitle={theme.title} />
      <Group justify="space-between">
        {previous ? (
          <Button component={Link} to={themeAnswersPath(campaignId, previous.theme.id)} variant="default" leftSection={<IconArrowLeft size={16} />}>
            {previous.theme.title}
          </Button>
        ) : (
          <span />
        )}
        {next && (
          <Button component={Link} to={themeAnswersPath(campaignId, next.theme.id)} variant="default" rightSection={<IconArrowRight size={16} />}>
            {next.theme.title}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
