import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { COUNCIL_SECTIONS, MAX_COUNCIL_PROJECTS, type Campaign, type CouncilSection, type Snapshot } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import type { FormErrors } from '../../lib/validation'
import { ProjectSelect, ProjectsMultiSelect } from './ProjectPicker'
import { COMPARE_MODES, lastBudgetSessionBefore, type CompareMode, type ReportForm } from './report-request'

/** What to do before this report makes sense: a title, why, and a link to where it is done. */
export function ReportPrerequisite({ title, message, to, action }: { title: string; message: string; to: string; action: string }) {
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button component={Link} to={to} variant="light" size="xs">
          {action}
        </Button>
      </Stack>
    </Alert>
  )
}

function campaignLabel(campaign: Campaign, t: (key: 'reports.closedCampaign', values: { name: string }) => string): string {
  return campaign.closedAt ? t('reports.closedCampaign', { name: campaign.name }) : campaign.name
}

interface DiagnosticOptionsProps {
  value: ReportForm['diagnostic']
  onChange(changes: Partial<ReportForm['diagnostic']>): void
  campaigns: Campaign[]
  snapshots: Snapshot[]
  errors: FormErrors
}

export function DiagnosticOptions({ value, onChange, campaigns, snapshots, errors }: DiagnosticOptionsProps) {
  const { t } = useTranslation()
  const others = campaigns.filter((c) => c.id !== value.campaignId)
  const available: Record<CompareMode, boolean> = { auto: true, campaign: others.length > 0, snapshot: snapshots.length > 0, none: true }
  const unavailable: Partial<Record<CompareMode, string>> = {
    campaign: available.campaign ? undefined : t('reports.noOtherCampaign'),
    snapshot: available.snapshot ? undefined : t('reports.noSnapshot'),
  }
  return (
    <Stack>
      <Select<number>
        label={t('reports.campaign')}
        data={campaigns.map((c) => ({ value: c.id, label: campaignLabel(c, t) }))}
        value={value.campaignId}
        onChange={(campaignId) =>
          onChange({ campaignId, compareCampaignId: value.compareCampaignId === campaignId ? null : value.compareCampaignId })
        }
        allowDeselect={false}
        error={errors.campaignId}
        maw={420}
      />
      <Radio.Group label={t('reports.compareWith')} value={value.compare} onChange={(compare) => onChange({ compare: compare as CompareMode })}>
        <Stack gap="xs" mt={6}>
          {COMPARE_MODES.map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={t(`reports.compare.${mode}`)}
              description={mode === 'auto' ? t('reports.compareAutoHelp') : unavailable[mode]}
              disabled={!available[mode]}
            />
          ))}
        </Stack>
      </Radio.Group>
      {value.compare === 'campaign' && available.campaign && (
        <Select<number>
          label={t('reports.compareCampaign')}
          data={others.map((c) => ({ value: c.id, label: campaignLabel(c, t) }))}
          value={value.compareCampaignId}
          onChange={(compareCampaignId) => onChange({ compareCampaignId })}
          error={errors.compareCampaignId}
          maw={420}
        />
      )}
      {value.compare === 'snapshot' && available.snapshot && (
        <Select<number>
          label={t('reports.compareSnapshot')}
          data={snapshots.map((s) => ({
            value: s.id,
            label: t('reports.snapshotOption', { label: s.label, campaign: s.campaignName, date: formatDate(s.takenAt) }),
          }))}
          value={value.compareSnapshotId}
          onChange={(compareSnapshotId) => onChange({ compareSnapshotId })}
          error={errors.compareSnapshotId}
          searchable
          maw={560}
        />
      )}
    </Stack>
  )
}

interface ProjectOptionsProps {
  value: ReportForm['project']
  onChange(changes: Partial<ReportForm['project']>): void
  errors: FormErrors
}

export function ProjectOptions({ value, onChange, errors }: ProjectOptionsProps) {
  const { t } = useTranslation()
  return (
    <Stack>
      <ProjectSelect
        label={t('reports.project')}
        value={value.projectId}
        onChange={(projectId) => onChange({ projectId })}
        error={errors.projectId}
      />
      <Checkbox
        label={t('reports.includeHistory')}
        description={t('reports.includeHistoryHelp')}
        checked={value.includeHistory}
        onChange={(event) => onChange({ includeHistory: event.currentTarget.checked })}
      />
    </Stack>
  )
}

interface CouncilOptionsProps {
  value: ReportForm['council']
  onChange(changes: Partial<ReportForm['council']>): void
  campaigns: Campaign[]
  hasProjects: boolean
  errors: FormErrors
}

export function CouncilOptions({ value, onChange, campaigns, hasProjects, errors }: CouncilOptionsProps) {
  const { t } = useTranslation()
  const withProjects = value.sections.includes('projects')
  const withDiagnostic = value.sections.includes('diagnostic')
  const budgetSessions = useApiQuery('calendar.budgetSessions', {})
  const hints: Partial<Record<CouncilSection, ReactNode>> = {
    diagnostic: campaigns.length === 0 ? t('reports.councilNoCampaign') : undefined,
    projects: hasProjects ? undefined : t('reports.councilNoProject'),
    polls: t('reports.councilPollsHelp'),
    training: t('reports.councilTrainingHelp'),
  }
  return (
    <Stack>
      <Group align="flex-start" gap="md" wrap="wrap">
        <FrenchDateInput
          label={t('reports.meetingDate')}
          value={value.meetingDate}
          onChange={(meetingDate) =>
            onChange(
              value.previousMeetingChosen
                ? { meetingDate }
                : { meetingDate, previousMeetingDate: lastBudgetSessionBefore(meetingDate, budgetSessions.data ?? []) },
            )
          }
          error={errors.meetingDate}
          w={200}
        />
        {value.sections.includes('polls') && (
          <FrenchDateInput
            label={t('reports.previousMeetingDate')}
            value={value.previousMeetingDate}
            onChange={(previousMeetingDate) => onChange({ previousMeetingDate, previousMeetingChosen: true })}
            error={errors.previousMeetingDate}
            w={240}
          />
        )}
        <TextInput
          label={t('reports.subtitle')}
          placeholder={t('reports.subtitlePlaceholder')}
          value={value.subtitle}
          onChange={(event) => onChange({ subtitle: event.currentTarget.value })}
          error={errors.subtitle}
          style={{ flex: 1, minWidth: 240 }}
          maw={480}
        />
      </Group>
      <Checkbox.Group
        label={t('reports.sections')}
        description={t('reports.sectionsHelp')}
        value={value.sections}
        onChange={(sections) => onChange({ sections: sections as CouncilSection[] })}
        error={errors.sections}
      >
        <Stack gap="xs" mt={6}>
          {COUNCIL_SECTIONS.map((section) => (
            <Checkbox key={section} value={section} label={t(`reports.sectionLabels.${section}`)} description={hints[section]} />
          ))}
        </Stack>
      </Checkbox.Group>
      {withDiagnostic && campaigns.length > 0 && (
        <Select<number>
          label={t('reports.councilCampaign')}
          data={[{ value: 0, label: t('reports.latestCampaign') }, ...campaigns.map((c) => ({ value: c.id, label: campaignLabel(c, t) }))]}
          value={value.campaignId ?? 0}
          onChange={(campaignId) => onChange({ campaignId: campaignId ? campaignId : null })}
          allowDeselect={false}
          maw={420}
        />
      )}
      {hasProjects && (
        <ProjectsMultiSelect
          label={t('reports.councilProjects')}
          description={withProjects ? t('reports.councilProjectsHelp', { max: MAX_COUNCIL_PROJECTS }) : t('reports.councilProjectsDisabled')}
          value={value.projectIds}
          onChange={(projectIds) => onChange({ projectIds })}
          max={MAX_COUNCIL_PROJECTS}
          disabled={!withProjects}
          error={withProjects ? errors.projectIds : undefined}
        />
      )}
    </Stack>
  )
}

interface TrainingOptionsProps {
  value: ReportForm['training']
  onChange(changes: Partial<ReportForm['training']>): void
  errors: FormErrors
}

/** The year of the table of the trainings of élus the commune financed. */
export function TrainingOptions({ value, onChange, errors }: TrainingOptionsProps) {
  const { t } = useTranslation()
  const mandate = useApiQuery('mandate.get', {})
  const start = mandate.data?.startYear ?? 2026
  const end = mandate.data?.endYear ?? 2032
  const years = Array.from({ length: end - start + 1 }, (_, i) => String(start + i))
  return (
    <Select
      label={t('reports.trainingYear')}
      description={t('reports.trainingYearHelp')}
      data={years}
      value={String(value.year)}
      onChange={(year) => year && onChange({ year: Number(year) })}
      error={errors.year}
      allowDeselect={false}
      w={220}
    />
  )
}
