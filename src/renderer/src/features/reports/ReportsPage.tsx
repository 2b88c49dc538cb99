import { Alert, Anchor, Box, Button, Group, Loader, Paper, Progress, Radio, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconBuildingBank, IconChartRadar, IconFileTypePdf, IconFolder, IconInfoCircle, IconLayoutDashboard, IconSchool } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { REPORT_KINDS, type ReportKind } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { PdfPreview } from './PdfPreview'
import { CouncilOptions, DiagnosticOptions, ProjectOptions, ReportPrerequisite, TrainingOptions } from './ReportOptions'
import { reportFormFromLink, toReportRequest, type ReportForm } from './report-request'
import { useReportGeneration } from './use-report-generation'

const KIND_ICONS: Record<ReportKind, typeof IconChartRadar> = {
  diagnostic: IconChartRadar,
  dashboard: IconLayoutDashboard,
  project: IconFolder,
  council: IconBuildingBank,
  training: IconSchool,
}

/** Rapports: choose a report and its options, preview it, save it as a PDF or print it. */
export function ReportsPage() {
  const { t } = useTranslation()
  const campaigns = useApiQuery('campaigns.list', {})
  const snapshots = useApiQuery('snapshots.list', {})
  // The same query as the project pickers: one request for both.
  const projects = useApiQuery('projects.list', { sort: 'title', pageSize: 200 })
  const logo = useApiQuery('logo.get', {})
  const generation = useReportGeneration()
  const [params] = useSearchParams()
  const [form, setForm] = useState<ReportForm>(() => reportFormFromLink(params))
  const [attempted, setAttempted] = useState(false)

  if (campaigns.isError) return <FormError message={campaigns.error.message} />
  if (projects.isError) return <FormError message={projects.error.message} />
  if (!campaigns.data || !projects.data) return <Loader />

  const campaignList = campaigns.data
  const hasProjects = projects.data.total > 0
  // The latest campaign until another is chosen.
  const effective: ReportForm = { ...form, diagnostic: { ...form.diagnostic, campaignId: form.diagnostic.campaignId ?? campaignList[0]?.id ?? null } }
  const result = toReportRequest(effective)
  const errors = attempted ? { ...(result.ok ? {} : result.errors), ...generation.fieldErrors } : {}
  const blocked = (form.kind === 'diagnostic' && campaignList.length === 0) || (form.kind === 'project' && !hasProjects)
  const report = generation.report
  const outdated = report !== null && !generation.running && result.ok && JSON.stringify(result.request) !== JSON.stringify(report.request)

  function update<K extends 'diagnostic' | 'project' | 'council' | 'training'>(part: K, changes: Partial<ReportForm[K]>) {
    setForm((current) => ({ ...current, [part]: { ...current[part], ...changes } }))
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setAttempted(true)
    if (!result.ok || blocked || generation.running) return
    await generation.generate(result.request)
  }

  const progress = generation.progress
  const percent = progress && progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : null

  return (
    <Stack maw={1100}>
      <Title order={1}>{t('reports.title')}</Title>
      <Text c="dimmed" maw={820}>
        {t('reports.intro')}
        {logo.data === null && (
          <>
            {' '}
            <Anchor component={Link} to="/parametres/commune">
              {t('reports.logoHint')}
            </Anchor>
          </>
        )}
      </Text>

      <Paper withBorder p="lg" radius="md">
        <Radio.Group
          value={form.kind}
          onChange={(kind) => {
            setForm((current) => ({ ...current, kind: kind as ReportKind }))
            setAttempted(false)
          }}
          label={
            <Title order={2} size="h4" mb="sm" component="span" display="block">
              {t('reports.choose')}
            </Title>
          }
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {REPORT_KINDS.map((kind) => {
              const Icon = KIND_ICONS[kind]
              return (
                <Radio.Card key={kind} value={kind} radius="md" p="md" h="100%" style={{ display: 'flex', alignItems: 'flex-start' }}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator mt={2} />
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <ThemeIcon variant="light" size="sm" color="marianne">
                          <Icon size={14} />
                        </ThemeIcon>
                        <Text fw={600} size="sm">
                          {t(`reports.kinds.${kind}.title`)}
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t(`reports.kinds.${kind}.description`)}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              )
            })}
          </SimpleGrid>
        </Radio.Group>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="report-options-title">
        <Stack>
          <Title order={2} size="h4" id="report-options-title">
            {t('reports.options')} · {t(`reports.kinds.${form.kind}.title`)}
          </Title>
          {form.kind === 'dashboard' && <Text size="sm">{t('reports.noOptions')}</Text>}
          {form.kind === 'diagnostic' &&
            (campaignList.length === 0 ? (
              <ReportPrerequisite
                title={t('reports.noCampaignTitle')}
                message={t('reports.noCampaign')}
                to="/diagnostic"
                action={t('reports.goDiagnostic')}
              />
            ) : (
              <DiagnosticOptions
                value={effective.diagnostic}
                onChange={(c) => update('diagnostic', c)}
                campaigns={campaignList}
                snapshots={snapshots.data ?? []}
                errors={errors}
              />
            ))}
          {form.kind === 'project' &&
            (hasProjects ? (
              <ProjectOptions value={form.project} onChange={(c) => update('project', c)} errors={errors} />
            ) : (
              <ReportPrerequisite
                title={t('reports.noProjectTitle')}
                message={t('reports.noProject')}
                to="/projets"
                action={t('reports.goProjects')}
              />
            ))}
          {form.kind === 'council' && (
            <CouncilOptions
              value={form.council}
              onChange={(c) => update('council', c)}
              campaigns={campaignList}
              hasProjects={hasProjects}
              errors={errors}
            />
          )}
          {form.kind === 'training' && <TrainingOptions value={form.training} onChange={(c) => update('training', c)} errors={errors} />}
          <Group>
            <Button type="submit" leftSection={<IconFileTypePdf size={16} />} loading={generation.running} disabled={blocked}>
              {t('reports.generate')}
            </Button>
          </Group>
          {generation.running && (
            <Box role="status" maw={560}>
              <Text size="sm" mb={6}>
                {progress?.label || t('reports.generating')}
              </Text>
              <Progress value={percent ?? 100} striped animated={percent === null || percent < 100} aria-label={t('reports.progressLabel')} />
            </Box>
          )}
          <FormError message={generation.error} title={t('reports.failed')} />
        </Stack>
      </Paper>

      {report ? (
        <Stack gap="sm">
          {report.request.kind !== form.kind && !generation.running ? (
            <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />}>
              {t('reports.otherReport', { title: t(`reports.kinds.${report.request.kind}.title`) })}
            </Alert>
          ) : (
            outdated && (
              <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />}>
                {t('reports.outdated')}
              </Alert>
            )
          )}
          <PdfPreview key={report.jobId} file={report.file} />
        </Stack>
      ) : (
        <Paper withBorder p="xl" radius="md" bg="gray.0">
          <Text c="dimmed" ta="center">
            {t('reports.emptyPreview')}
          </Text>
        </Paper>
      )}
    </Stack>
  )
}
