import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useApiMutation } from '../../api/hooks'
import { projectPath } from '../projects/labels'
import { GuardedModal } from '../../components/GuardedModal'
import { emptyProject, ProjectForm } from '../projects/ProjectForm'
import type { Finding } from '@shared/contract'
import { formatPercent, themeAnswersPath } from './labels'

interface FindingsProps {
  campaignId: number
  strengths: Finding[]
  weaknesses: Finding[]
}

/** The project a weakness suggests: its next step as the title, linked to its theme and criterion. */
export function projectFromFinding(finding: Finding) {
  const firstSentence = finding.nextStep.split(/(?<=[.;:])\s/)[0]!.replace(/[.;:]$/, '')
  const title = firstSentence.length > 120 ? `${firstSentence.slice(0, firstSentence.lastIndexOf(' ', 117))}…` : firstSentence
  return emptyProject({
    title,
    description: `${finding.title}\n${finding.detail}\n\nÀ faire : ${finding.nextStep}`,
    domainId: finding.domainId,
    themeIds: [finding.themeId],
    criterionIds: finding.criterionId ? [finding.criterionId] : [],
    priority: finding.kind === 'obligation' ? 'haute' : 'normale',
  })
}

function FindingItem({ finding, campaignId, tone }: { finding: Finding; campaignId: number; tone: 'strength' | 'weakness' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const create = useApiMutation('projects.create')
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
          {tone === 'weakness' && (
            <Button size="compact-xs" variant="light" onClick={() => setCreating(true)}>
              {t('diagnostic.createProject')}
            </Button>
          )}
        </Stack>
      </Group>
      <GuardedModal opened={creating} onClose={() => setCreating(false)} title={t('diagnostic.createProject')} size="xl">
        {creating && (
          <ProjectForm
            initial={projectFromFinding(finding)}
            submitLabel={t('projects.create')}
            onCancel={() => setCreating(false)}
            onSubmit={async (values) => {
              const project = await create.mutateAsync(values)
              setCreating(false)
              void navigate(projectPath(project.id))
            }}
          />
        )}
      </GuardedModal>
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
          weaknesses
            .slice(0, 12)
            .map((f) => <FindingItem key={`${f.kind}-${f.criterionId ?? f.themeId}`} finding={f} campaignId={campaignId} tone="weakness" />)
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
