import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Member } from '@shared/contract'
import { isElectedRole } from '@shared/roles'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatPopulation } from '../../lib/format'
import { UpcomingDeadlines } from '../calendar/UpcomingDeadlines'
import { Dashboard, DashboardCounters } from './Dashboard'
import { GettingStarted } from './GettingStarted'
import { BackupWarning } from '../data/BackupWarning'
import { CitizensHome } from '../citizens/CitizensHome'
import { roleLabel } from '../team/MemberTable'

function PersonCard({ member }: { member: Member }) {
  return (
    <Card withBorder padding="sm" radius="md" aria-label={`${member.firstName} ${member.lastName}`}>
      <Text fw={600}>
        {member.firstName} {member.lastName}
      </Text>
      <Text size="sm" c="marianne.8">
        {roleLabel(member)}
      </Text>
      {member.delegation && (
        <Text size="sm" c="dimmed">
          {member.delegation}
        </Text>
      )}
    </Card>
  )
}

function TeamGroup({ title, members }: { title: string; members: Member[] }) {
  if (members.length === 0) return null
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" c="dimmed" tt="uppercase">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {members.map((member) => (
          <PersonCard key={member.id} member={member} />
        ))}
      </SimpleGrid>
    </Stack>
  )
}

/**
 * The commune at a glance and its council. At 1366×768 the first screen holds the commune, where to start (until it is
 * done) beside the next deadlines, and the project counts.
 */
export function HomePage() {
  const { t } = useTranslation()
  const commune = useApiQuery('commune.get', {})
  const mandate = useApiQuery('mandate.get', {})
  const members = useApiQuery('members.list', {})
  const onboarding = useApiQuery('onboarding.get', {})
  const session = useApiQuery('session.get', {})

  if (commune.isPending || members.isPending) return <Loader />
  if (commune.isError || members.isError) return <FormError message={(commune.error ?? members.error)!.message} />

  const team = members.data
  const elected = team.filter((m) => isElectedRole(m.role))
  const agents = team.filter((m) => !isElectedRole(m.role))
  const c = commune.data
  // The path is the administrator's: they set the profile up and open the campaigns.
  const path = onboarding.data && session.data?.profile?.isAdmin && !Object.values(onboarding.data).every(Boolean) ? onboarding.data : null

  return (
    <Stack gap="md" maw={1200}>
      <Card withBorder padding="md" radius="md" aria-label={t('home.communeCard')}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={1}>{c.name}</Title>
            <Text size="lg">
              {formatPopulation(c.population)} · {c.departementName} ({c.departementCode}) · {c.regionName}
            </Text>
            <Text c="dimmed">{c.epci ? t('home.epci', { name: c.epci.name }) : t('commune.noEpci')}</Text>
          </Stack>
          <Stack gap="xs" align="flex-end">
            {mandate.data && (
              <Badge size="lg" variant="light">
                {t('home.mandate', { start: mandate.data.startYear, end: mandate.data.endYear })}
              </Badge>
            )}
            <Button variant="default" size="xs" leftSection={<IconFileTypePdf size={16} />} component={Link} to="/rapports?rapport=tableau-de-bord">
              {t('home.dashboardPdf')}
            </Button>
          </Stack>
        </Group>
      </Card>

      <SimpleGrid cols={{ base: 1, md: path ? 2 : 1 }}>
        {path && <GettingStarted steps={path} />}
        <UpcomingDeadlines />
      </SimpleGrid>
      <DashboardCounters />
      {/* Under the counts, which stay above the fold at 1366×768. */}
      <BackupWarning />
      <CitizensHome />
      <Dashboard />

      <Stack gap="md" aria-label={t('home.council')}>
        <Group justify="space-between">
          <Title order={2}>{t('home.council')}</Title>
          <Anchor component={Link} to="/equipe">
            {t('home.manageTeam')}
          </Anchor>
        </Group>
        {elected.length === 0 ? (
          <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
            {t('home.noElected')}{' '}
            <Anchor component={Link} to="/equipe">
              {t('home.addElected')}
            </Anchor>
          </Alert>
        ) : (
          <>
            <TeamGroup title={t('home.groups.maire')} members={elected.filter((m) => m.role === 'maire')} />
            <TeamGroup title={t('home.groups.adjoints')} members={elected.filter((m) => m.role === 'adjoint')} />
            <TeamGroup title={t('home.groups.delegues')} members={elected.filter((m) => m.role === 'conseiller_delegue')} />
            <TeamGroup title={t('home.groups.conseillers')} members={elected.filter((m) => m.role === 'conseiller_municipal')} />
          </>
        )}
        <TeamGroup title={t('home.groups.agents')} members={agents} />
      </Stack>
    </Stack>
  )
}
