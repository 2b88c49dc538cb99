import { Accordion, Anchor, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DomainScore } from '@shared/contract'
import { formatInteger } from '@shared/format'
import { useApiQuery } from '../../api/hooks'
import { ScoreBars } from '../../components/charts/ScoreBars'
import { citizensOfThemePath, formatPercent, themeAnswersPath } from './labels'

/** A theme's portal contributions, linking to them on the Citoyens page (nothing when there are none). */
function PortalContributionsLink({ themeId, themeTitle, count }: { themeId: string; themeTitle: string; count: number }) {
  const { t } = useTranslation()
  if (count === 0) return null
  return (
    <Anchor
      component={Link}
      to={citizensOfThemePath(themeId)}
      size="sm"
      aria-label={t('diagnostic.portalContributionsOf', { count, n: formatInteger(count), theme: themeTitle })}
    >
      {t('diagnostic.portalContributions', { count, n: formatInteger(count) })}
    </Anchor>
  )
}

/** Every domain with its score; open one to reach its themes and answer them. */
export function DomainScores({ campaignId, domains }: { campaignId: number; domains: DomainScore[] }) {
  const { t } = useTranslation()
  const portal = useApiQuery('citizenInputs.contributionCounts', {})
  const portalCounts = new Map((portal.data ?? []).map((c) => [c.themeId, c.count]))
  return (
    <Stack gap="xs">
      <Accordion variant="separated" multiple>
        {domains.map((domain) => (
          <Accordion.Item key={domain.domainId} value={domain.domainId}>
            <Accordion.Control aria-label={domain.title}>
              <Group justify="space-between" wrap="nowrap" pr="sm">
                <Text fw={600}>{domain.title}</Text>
                <Group gap="sm" wrap="nowrap">
                  {domain.unmetObligations > 0 && (
                    <Badge color="red" variant="light" tt="none">
                      {t('diagnostic.unmetCount', { count: domain.unmetObligations })}
                    </Badge>
                  )}
                  {domain.applies ? (
                    <>
                      <Progress value={domain.done} w={120} aria-hidden />
                      <Text w={64} ta="right" fw={600}>
                        {formatPercent(domain.done)}
                      </Text>
                    </>
                  ) : (
                    <Text c="dimmed" size="sm">
                      {t('diagnostic.notConcerned')}
                    </Text>
                  )}
                </Group>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {domain.applies && (
                <ScoreBars
                  rows={domain.themes
                    .filter((th) => th.applies)
                    .map((th) => ({ label: th.title, done: th.done, programmed: th.programmed, notDone: th.notDone, notAnswered: th.notAnswered }))}
                />
              )}
              <Table striped aria-label={t('diagnostic.themesOf', { domain: domain.title })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('referentiel.theme')}</Table.Th>
                    <Table.Th>{t('diagnostic.answered')}</Table.Th>
                    <Table.Th>{t('diagnostic.citizenRequests')}</Table.Th>
                    <Table.Th ta="right">{t('diagnostic.score')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {domain.themes.map((theme) => (
                    <Table.Tr key={theme.themeId}>
                      <Table.Td>
                        <Group gap="xs">
                          <Text size="sm" fw={500}>
                            {theme.title}
                          </Text>
                          {theme.unmetObligations > 0 && (
                            <Badge size="xs" color="red" variant="light" tt="none">
                              {t('diagnostic.unmetCount', { count: theme.unmetObligations })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{theme.applies ? `${theme.answeredCriteria} / ${theme.applicableCriteria}` : t('diagnostic.notConcerned')}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm">{theme.citizenInputs > 0 ? formatInteger(theme.citizenInputs) : '—'}</Text>
                          <PortalContributionsLink themeId={theme.themeId} themeTitle={theme.title} count={portalCounts.get(theme.themeId) ?? 0} />
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">{theme.applies ? formatPercent(theme.done) : '—'}</Table.Td>
                      <Table.Td ta="right">
                        <Anchor
                          component={Link}
                          to={themeAnswersPath(campaignId, theme.themeId)}
                          size="sm"
                          aria-label={`${t('diagnostic.answer')} : ${theme.title}`}
                        >
                          {t('diagnostic.answer')}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Text size="xs" c="dimmed">
        {t('diagnostic.citizenRequestsHint')}
      </Text>
    </Stack>
  )
}
