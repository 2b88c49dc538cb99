import { Alert, Badge, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DomainView, Member, ThemeAssignment } from '@shared/contract'

/** Themes that apply to the commune and that no élu holds as a délégation: what the council is not watching. */
export function CoverageView({ domains, assignments, members }: { domains: DomainView[]; assignments: ThemeAssignment[]; members: Member[] }) {
  const { t } = useTranslation()
  const delegated = new Set(assignments.filter((a) => a.link === 'delegation').map((a) => a.themeId))
  const followed = new Set(assignments.filter((a) => a.link === 'interet').map((a) => a.themeId))
  const applicable = domains.flatMap((d) =>
    d.themes.filter((th) => th.criteria.some((c) => c.applicability.applies)).map((th) => ({ domain: d, theme: th })),
  )
  const uncovered = applicable.filter(({ theme }) => !delegated.has(theme.id))
  const covered = applicable.length - uncovered.length
  const percent = applicable.length === 0 ? 0 : Math.round((covered / applicable.length) * 100)
  const perMember = members
    .map((m) => ({ member: m, count: assignments.filter((a) => a.memberId === m.id && a.link === 'delegation').length }))
    .filter((row) => row.count > 0)

  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('referentiel.coverageSummary', { count: covered, total: applicable.length })}</Text>
          <Text fw={700}>{percent} %</Text>
        </Group>
        <Progress value={percent} size="lg" aria-label={t('referentiel.coverage')} />
        {perMember.length > 0 && (
          <Group gap="xs" mt="sm">
            {perMember.map(({ member, count }) => (
              <Badge key={member.id} variant="light" tt="none">
                {member.firstName} {member.lastName} : {t('referentiel.themeCount', { count })}
              </Badge>
            ))}
          </Group>
        )}
      </Paper>
      {uncovered.length === 0 ? (
        <Alert role="note" color="green" icon={<IconCircleCheck size={18} />} variant="light">
          {t('referentiel.allCovered')}
        </Alert>
      ) : (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('referentiel.uncoveredTitle', { count: uncovered.length })}
          </Title>
          <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light" color="gray" mb="sm">
            {t('referentiel.uncoveredHelp')}
          </Alert>
          <Table aria-label={t('referentiel.uncoveredTitle', { count: uncovered.length })} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referentiel.domain')}</Table.Th>
                <Table.Th>{t('referentiel.theme')}</Table.Th>
                <Table.Th>{t('referentiel.followedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {uncovered.map(({ domain, theme }) => (
                <Table.Tr key={theme.id}>
                  <Table.Td>{domain.title}</Table.Td>
                  <Table.Td fw={500}>{theme.title}</Table.Td>
                  <Table.Td>{followed.has(theme.id) ? t('referentiel.someoneFollows') : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  )
}
