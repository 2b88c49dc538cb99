import { Alert, Anchor, Badge, Group, List, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { TrainingOverview } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate } from '../../lib/format'
import { BudgetPanel } from './BudgetPanel'
import { MemberTrainingCard } from './MemberTraining'
import { ProvidersPanel } from './ProvidersPanel'
import { RightsAndSources } from './RightsAndSources'

const TABS = ['elus', 'budget', 'organismes', 'droits'] as const
type Tab = (typeof TABS)[number]

/** The commune's duties at the top of the page: the first-year training of the élus with a délégation, the délibération. */
function Obligations({ overview, isAdmin }: { overview: TrainingOverview; isAdmin: boolean }) {
  const { t } = useTranslation()
  const o = overview.obligations
  return (
    <Stack gap="sm" aria-label={t('training.obligations.title')}>
      {o.installedOn === null && (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
          {t('training.obligations.noInstallation')}{' '}
          {isAdmin && (
            <Anchor component={Link} to="/parametres/commune">
              {t('training.obligations.setInstallation')}
            </Anchor>
          )}
        </Alert>
      )}
      {o.delegatesTotal === 0 ? (
        <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
          {t('training.obligations.noDelegates')}{' '}
          <Anchor component={Link} to="/equipe">
            {t('training.obligations.goTeam')}
          </Anchor>
        </Alert>
      ) : o.untrained.length === 0 ? (
        <Alert
          color="green"
          icon={<IconCircleCheck size={18} />}
          title={t('training.obligations.allTrained', { count: o.delegatesTotal })}
          role="status"
        >
          {t('training.obligations.allTrainedText')}
        </Alert>
      ) : (
        <Alert
          color="orange"
          icon={<IconAlertTriangle size={18} />}
          title={t('training.obligations.untrained', { count: o.untrained.length, total: o.delegatesTotal })}
          role="status"
        >
          <Text size="sm">
            {o.firstYearEndsOn ? t('training.obligations.before', { date: formatDate(o.firstYearEndsOn) }) : t('training.obligations.beforeUnknown')}
          </Text>
          <List size="sm" mt={4}>
            {o.untrained.map((u) => (
              <List.Item key={u.memberId}>
                {u.name}, {u.roleLabel}
                {u.planned && (
                  <Badge ml="xs" size="sm" variant="light" tt="none">
                    {t('training.obligations.planned')}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder p="sm" radius="md" aria-label={t('training.obligations.deliberation')}>
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={600}>{t('training.obligations.deliberation')}</Text>
            <Text size="sm" c="dimmed">
              {t('training.obligations.deliberationHelp')}
            </Text>
          </Stack>
          {o.deliberation.recordedOn ? (
            <Badge color="green" variant="light" tt="none" size="lg">
              {t('training.obligations.deliberationDone', { date: formatDate(o.deliberation.recordedOn) })}
            </Badge>
          ) : (
            <Stack gap={2} align="flex-end">
              <Badge color="orange" variant="light" tt="none" size="lg">
                {o.deliberation.dueOn
                  ? t('training.obligations.deliberationDue', { date: formatDate(o.deliberation.dueOn) })
                  : t('training.obligations.deliberationTodo')}
              </Badge>
              <Anchor component={Link} to="/calendrier" size="xs">
                {t('training.obligations.seeCalendar')}
              </Anchor>
            </Stack>
          )}
        </Group>
      </Paper>
    </Stack>
  )
}

/** « Formation des élus »: every élu's rights and trainings, the commune's duties and budget, its organismes. */
export function TrainingPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [year, setYear] = useState<number | null>(null)
  const overview = useApiQuery('training.overview', { year })
  const session = useApiQuery('session.get', {})
  const tab: Tab = (TABS as readonly string[]).includes(params.get('onglet') ?? '') ? (params.get('onglet') as Tab) : 'elus'

  if (overview.isError) return <FormError message={overview.error.message} />
  if (!overview.data || !session.data) return <Loader />
  const data = overview.data
  const profile = session.data.profile
  const isAdmin = profile?.isAdmin ?? false
  const own = profile?.memberId ?? null

  return (
    <Stack maw={1200}>
      <Title order={1}>{t('training.title')}</Title>
      <Text c="dimmed" maw={860}>
        {t('training.intro')}
      </Text>
      <Obligations overview={data} isAdmin={isAdmin} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'elus' ? { onglet: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="elus">{t('training.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="budget">{t('training.tabs.budget')}</Tabs.Tab>
          <Tabs.Tab value="organismes">{t('training.tabs.providers')}</Tabs.Tab>
          <Tabs.Tab value="droits">{t('training.tabs.rights')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="elus" pt="md">
          {data.members.length === 0 ? (
            <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
              {t('training.noMembers')}{' '}
              <Anchor component={Link} to="/equipe">
                {t('training.obligations.goTeam')}
              </Anchor>
            </Alert>
          ) : (
            <Stack>
              {data.members.map((member) => (
                <MemberTrainingCard
                  key={member.memberId}
                  member={member}
                  content={data.content}
                  providers={data.providers}
                  editable={isAdmin || own === member.memberId}
                />
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="budget" pt="md">
          <BudgetPanel overview={data} isAdmin={isAdmin} year={data.budget.year} onYear={setYear} />
        </Tabs.Panel>
        <Tabs.Panel value="organismes" pt="md">
          <ProvidersPanel providers={data.providers} isAdmin={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="droits" pt="md">
          <RightsAndSources content={data.content} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
