import { Accordion, Alert, Badge, Group, List, Loader, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core'
import { IconInfoCircle, IconSearch } from '@tabler/icons-react'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ThemeView } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate } from '../../lib/format'
import { CoverageView } from './CoverageView'
import { LegalSources } from '../../components/LegalSources'
import { HOLDER_LABELS, KIND_COLORS, KIND_LABELS, legalReferenceLabel } from './labels'
import { filterThemes } from './search'
import { ThemeHolders } from './ThemeHolders'
import { isTrainingTheme } from '../training/labels'
import { TrainingFacts } from '../training/TrainingFacts'

function ThemeDetail({ theme, holders }: { theme: ThemeView; holders: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <Text>{theme.description}</Text>
      <Group gap="xs">
        <Badge variant="light" color="gray" tt="none">
          {HOLDER_LABELS[theme.usualHolder]}
        </Badge>
        {theme.legalReferences.map((r) => (
          <Badge key={`${r.code}-${r.article}`} variant="outline" color="gray" tt="none">
            {legalReferenceLabel(r)}
          </Badge>
        ))}
      </Group>
      {holders}
      {isTrainingTheme(theme.id) && <TrainingFacts />}
      <Title order={4} size="h6" mt="xs">
        {t('referentiel.criteria')}
      </Title>
      <List spacing="sm" listStyleType="none" aria-label={t('referentiel.criteriaOf', { theme: theme.title })}>
        {theme.criteria.map((criterion) => (
          <List.Item key={criterion.id}>
            <Stack gap={2} opacity={criterion.applicability.applies ? 1 : 0.6}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" color={KIND_COLORS[criterion.kind]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                  {KIND_LABELS[criterion.kind]}
                </Badge>
                <Text size="sm" fw={500}>
                  {criterion.question}
                </Text>
              </Group>
              <LegalSources references={criterion.legalBasis} />
              {!criterion.applicability.applies && (
                <Text size="xs" c="dimmed" fs="italic">
                  {t('referentiel.notApplicable')} {criterion.applicability.reason}
                </Text>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** What a commune is responsible for: domains, themes, criteria with their legal sources, and who covers what. */
export function ReferentielPage() {
  const { t } = useTranslation()
  const referentiel = useApiQuery('referentiel.get', {})
  const assignments = useApiQuery('themes.assignments', {})
  const members = useApiQuery('members.list', {})
  const session = useApiQuery('session.get', {})
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)

  if (referentiel.isError) return <FormError message={referentiel.error.message} />
  if (!referentiel.data || !assignments.data || !members.data) return <Loader />

  const profile = session.data?.profile
  const groups = filterThemes(referentiel.data.domains, deferred)
  const themeCount = referentiel.data.domains.reduce((n, d) => n + d.themes.length, 0)
  const criterionCount = referentiel.data.domains.reduce((n, d) => n + d.themes.reduce((m, th) => m + th.criteria.length, 0), 0)
  const holdersOf = (theme: ThemeView) => (
    <ThemeHolders
      themeId={theme.id}
      themeTitle={theme.title}
      members={members.data}
      assignments={assignments.data}
      myMemberId={profile?.memberId ?? null}
      isAdmin={profile?.isAdmin ?? false}
    />
  )

  return (
    <Stack maw={1100}>
      <Title order={1}>{t('referentiel.title')}</Title>
      <Text c="dimmed">
        {t('referentiel.intro', { domains: referentiel.data.domains.length, themes: themeCount, criteria: criterionCount })}{' '}
        {t('referentiel.version', { version: referentiel.data.version, date: formatDate(referentiel.data.checkedOn) })}
      </Text>
      <Tabs defaultValue="parcourir" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="parcourir">{t('referentiel.browse')}</Tabs.Tab>
          <Tabs.Tab value="couverture">{t('referentiel.coverage')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="parcourir">
          <Stack>
            <TextInput
              label={t('referentiel.searchLabel')}
              placeholder={t('referentiel.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
            {groups.length === 0 ? (
              <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light" color="gray">
                {t('referentiel.noResult', { query: deferred })}
              </Alert>
            ) : (
              groups.map(({ domain, themes }) => (
                <Paper key={domain.id} withBorder radius="md" p="md">
                  <Title order={2} size="h4">
                    {domain.title}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {domain.description}
                  </Text>
                  {/* Remounted per search so that the themes found open by themselves. */}
                  <Accordion key={deferred} variant="separated" multiple defaultValue={deferred.trim() ? themes.map((th) => th.id) : []}>
                    {themes.map((theme) => {
                      const obligations = theme.criteria.filter((c) => c.kind === 'obligation' && c.applicability.applies).length
                      return (
                        <Accordion.Item key={theme.id} value={theme.id}>
                          <Accordion.Control>
                            <Group justify="space-between" wrap="nowrap">
                              <Text fw={600}>{theme.title}</Text>
                              {obligations > 0 && (
                                <Badge variant="light" color="red" tt="none">
                                  {t('referentiel.obligationCount', { count: obligations })}
                                </Badge>
                              )}
                            </Group>
                          </Accordion.Control>
                          <Accordion.Panel>
                            <ThemeDetail theme={theme} holders={holdersOf(theme)} />
                          </Accordion.Panel>
                        </Accordion.Item>
                      )
                    })}
                  </Accordion>
                </Paper>
              ))
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="couverture">
          <CoverageView domains={referentiel.data.domains} assignments={assignments.data} members={members.data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
