import '../../components/charts/setup'
import { Alert, Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileTypePdf, IconInfoCircle, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useParams } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { ScoreBars } from '../../components/charts/ScoreBars'
import { ScoreRadar } from '../../components/charts/ScoreRadar'
import { FormError } from '../../components/FormError'
import { CampaignCreate } from './CampaignCreate'
import { DomainScores } from './DomainScores'
import { Findings } from './Findings'
import { HistoryPanel, useSnapshotForm } from './HistoryPanel'
import { ContentChangeNotice } from './ContentChangeNotice'
import { PeerComparison } from './PeerComparison'
import { ScoreSummary } from './ScoreSummary'
import { ScoringExplained } from './ScoringExplained'
import { ToAnswerList } from './ToAnswerList'
import { splitObligations } from '@shared/diagnostic-counts'

/** The autodiagnostic: campaigns, scores, strengths and weaknesses, history. */
export function DiagnosticPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const params = useParams()
  const campaigns = useApiQuery('campaigns.list', {})
  const session = useApiQuery('session.get', {})
  const [creating, setCreating] = useState(false)
  const snapshotForm = useSnapshotForm()
  const isAdmin = session.data?.profile?.isAdmin ?? false
  const campaignId = params.campaignId ? Number(params.campaignId) : null
  const diagnostic = useApiQuery('diagnostic.get', { campaignId: campaignId ?? 0 }, { enabled: campaignId !== null })
  const peers = useApiQuery('diagnostic.peers', { campaignId: campaignId ?? 0 }, { enabled: campaignId !== null })

  if (campaigns.isError) return <FormError message={campaigns.error.message} />
  if (!campaigns.data) return <Loader />
  const list = campaigns.data

  if (list.length === 0) {
    return (
      <Stack maw={760}>
        <Title order={1}>{t('diagnostic.title')}</Title>
        <Paper withBorder p="xl" radius="md">
          <Stack>
            <Title order={2} size="h3">
              {t('diagnostic.emptyTitle')}
            </Title>
            <Text>{t('diagnostic.emptyExplain')}</Text>
            <Text size="sm" c="dimmed">
              {t('diagnostic.profileHint')}{' '}
              <Anchor component={Link} to="/parametres/profil-commune">
                {t('diagnostic.profileLink')}
              </Anchor>
            </Text>
            {isAdmin ? (
              <Button leftSection={<IconPlus size={16} />} w="fit-content" onClick={() => setCreating(true)}>
                {t('diagnostic.startFirst')}
              </Button>
            ) : (
              <Text c="dimmed">{t('diagnostic.askAdmin')}</Text>
            )}
          </Stack>
        </Paper>
        <CampaignCreate opened={creating} onClose={() => setCreating(false)} campaigns={list} />
      </Stack>
    )
  }
  if (campaignId === null || !list.some((c) => c.id === campaignId)) return <Navigate to={`/diagnostic/${list[0]!.id}`} replace />

  const campaign = list.find((c) => c.id === campaignId)!
  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('diagnostic.title')}</Title>
        <Group align="flex-end">
          <Select
            label={t('diagnostic.campaign')}
            data={list.map((c) => ({ value: String(c.id), label: c.closedAt ? `${c.name} (${t('diagnostic.closed')})` : c.name }))}
            value={String(campaignId)}
            onChange={(value) => value && navigate(`/diagnostic/${value}`)}
            allowDeselect={false}
          />
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            component={Link}
            to={`/rapports?rapport=diagnostic&campagne=${campaignId}`}
          >
            {t('diagnostic.reportPdf')}
          </Button>
          {isAdmin && (
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('diagnostic.newCampaign')}
            </Button>
          )}
        </Group>
      </Group>
      <CampaignCreate opened={creating} onClose={() => setCreating(false)} campaigns={list} />
      {diagnostic.isError && <FormError message={diagnostic.error.message} />}
      {!diagnostic.data ? (
        <Loader />
      ) : (
        <>
          {!diagnostic.data.profileReviewed && !campaign.closedAt && (
            <Alert
              role="status"
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('diagnostic.defaultProfileTitle')}
              data-testid="default-profile-notice"
            >
              {t('diagnostic.defaultProfile')}{' '}
              <Anchor component={Link} to="/parametres/profil-commune">
                {t('diagnostic.defaultProfileLink')}
              </Anchor>
            </Alert>
          )}
          {diagnostic.data.contentChange && <ContentChangeNotice campaignId={campaign.id} change={diagnostic.data.contentChange} isAdmin={isAdmin} />}
          <Tabs defaultValue="synthese" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="synthese">{t('diagnostic.tabs.overview')}</Tabs.Tab>
              <Tabs.Tab value="domaines">{t('diagnostic.tabs.domains')}</Tabs.Tab>
              <Tabs.Tab value="historique">{t('diagnostic.tabs.history')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="synthese">
              <Stack>
                <ScoreSummary
                  overall={diagnostic.data.scores.overall}
                  unmet={splitObligations(diagnostic.data.scores.blocking).unmet.length}
                  toAnswer={splitObligations(diagnostic.data.scores.blocking).toAnswer.length}
                />
                <ScoringExplained />
                <ToAnswerList campaignId={campaign.id} overall={diagnostic.data.scores.overall} domains={diagnostic.data.scores.domains} />
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Paper withBorder p="md" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('diagnostic.radarTitle')}
                    </Title>
                    <ScoreRadar
                      axes={diagnostic.data.scores.domains.map((d) => d.title)}
                      series={[
                        { label: campaign.name, values: diagnostic.data.scores.domains.map((d) => (d.applies ? d.done : null)) },
                        ...(peers.data?.available
                          ? [
                              {
                                label: t('diagnostic.peersMedian', { band: peers.data.band, count: peers.data.communes }),
                                values: diagnostic.data.scores.domains.map(
                                  (d) => peers.data!.domains.find((p) => p.domainId === d.domainId)?.median ?? null,
                                ),
                              },
                            ]
                          : []),
                      ]}
                    />
                  </Paper>
                  <Paper withBorder p="md" radius="md">
                    <Title order={2} size="h4" mb="sm">
                      {t('diagnostic.domainBars')}
                    </Title>
                    <ScoreBars
                      rows={diagnostic.data.scores.domains
                        .filter((d) => d.applies)
                        .map((d) => ({ label: d.title, done: d.done, programmed: d.programmed, notDone: d.notDone, notAnswered: d.notAnswered }))}
                    />
                  </Paper>
                </SimpleGrid>
                {peers.data && <PeerComparison peers={peers.data} domains={diagnostic.data.scores.domains} />}
                <Findings campaignId={campaign.id} strengths={diagnostic.data.scores.strengths} weaknesses={diagnostic.data.scores.weaknesses} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="domaines">
              <Stack>
                <Alert role="note" variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
                  {t('diagnostic.profileHint')}{' '}
                  <Anchor component={Link} to="/parametres/profil-commune">
                    {t('diagnostic.profileLink')}
                  </Anchor>
                </Alert>
                <DomainScores campaignId={campaign.id} domains={diagnostic.data.scores.domains} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="historique">
              <HistoryPanel campaign={campaign} campaigns={list} form={snapshotForm} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  )
}
