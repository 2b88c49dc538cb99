import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconMapPin, IconPhoto, IconPlugConnectedX, IconSearch } from '@tabler/icons-react'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { CitizensListInput, ContributionSummary } from '@shared/contract'
import {
  INPUT_KIND_LABELS,
  INPUT_KINDS,
  INPUT_STATUS_LABELS,
  INPUT_STATUSES,
  MODERATION_LABELS,
  MODERATION_STATES,
  TOPIC_LABELS,
  TOPICS,
  type InputKind,
  type InputStatus,
  type ModerationState,
  type Topic,
} from '@shared/relay/vocabulary'
import { useApiQuery } from '../../api/hooks'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { FormError } from '../../components/FormError'
import { formatDateTime, formatInteger } from '../../lib/format'
import { CitizensSyncLine } from './CitizensSyncLine'
import { CitizenText } from './CitizenText'
import { ContributionBadges, STATUS_COLORS } from './ContributionBadges'
import { PhotoThumbnail } from './ContributionPhoto'
import { ContributionDrawer } from './ContributionDetail'
import classes from './CitizensPage.module.css'

interface Filters {
  kind: InputKind | null
  topic: Topic | null
  themeId: string | null
  status: InputStatus | null
  moderation: ModerationState | null
  from: string | null
  to: string | null
  unseenOnly: boolean
  unansweredOnly: boolean
  projectId: number | null
}
const ISO_DAY = /^\d{4}-\d\d-\d\d$/
const realDay = (value: string | null) => (value !== null && ISO_DAY.test(value) ? value : null)

const NO_FILTERS: Filters = {
  kind: null,
  topic: null,
  themeId: null,
  status: null,
  moderation: null,
  from: null,
  to: null,
  unseenOnly: false,
  unansweredOnly: false,
  projectId: null,
}

/** A theme id as the contract takes it; anything else in the address opens the page unfiltered. */
const themeFromAddress = (value: string | null) => (value && value.length <= 120 ? value : null)

/**
 * The filters a link may open the page with (the home page's lines, a project's page, the diagnostic's themes):
 * ?nouvelles=1, ?sans-reponse=1, ?projet=ID, ?theme=ID.
 */
function filtersFromAddress(params: URLSearchParams): Filters {
  return {
    ...NO_FILTERS,
    unseenOnly: params.get('nouvelles') === '1',
    unansweredOnly: params.get('sans-reponse') === '1',
    projectId: Number(params.get('projet')) || null,
    themeId: themeFromAddress(params.get('theme')),
  }
}

/** « Citoyens »: what the inhabitants sent on the portal, filtered, searched, counted and opened one by one. */
export function CitizensPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [filters, setFilters] = useState<Filters>(() => filtersFromAddress(params))
  const [search, setSearch] = useState('')
  const [debouncedSearch] = useDebouncedValue(search, 250)
  const [page, setPage] = useState(1)
  const referentiel = useApiQuery('referentiel.get', {})
  const projects = useApiQuery('projects.list', { sort: 'title', pageSize: 200 })
  // Dates typed halfway (not yet real days) are not sent: the field says what is wrong.
  const input: CitizensListInput = { ...filters, from: realDay(filters.from), to: realDay(filters.to), search: debouncedSearch, page }
  const list = useApiQuery('citizens.list', input, { placeholderData: keepPreviousData })
  const openId = Number(params.get('contribution')) || null

  function filter<K extends keyof Filters>(key: K, value: Filters[K]) {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }
  function open(id: number | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (id === null) next.delete('contribution')
        else next.set('contribution', String(id))
        return next
      },
      { replace: id === null },
    )
  }

  if (list.isError && !list.data) return <FormError message={list.error.message} />
  if (!list.data) return <Loader />
  const data = list.data
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) || debouncedSearch.trim() !== ''
  const themeOptions = (referentiel.data?.domains ?? []).map((domain) => ({
    group: domain.title,
    items: domain.themes.map((theme) => ({ value: theme.id, label: theme.title })),
  }))
  const themeNames = new Map((referentiel.data?.domains ?? []).flatMap((domain) => domain.themes.map((theme) => [theme.id, theme.title])))
  const projectOptions = (projects.data?.items ?? []).map((project) => ({ value: String(project.id), label: project.title }))
  const choice = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }))

  return (
    <Stack maw={1180}>
      <Stack gap={4}>
        <Title order={1}>{t('citizens.title')}</Title>
        <Text size="sm" maw={820}>
          {t('citizens.page.intro')}
        </Text>
      </Stack>
      {data.connected ? (
        <Paper withBorder p="sm" radius="md">
          <CitizensSyncLine />
        </Paper>
      ) : (
        <Alert role="note" color="orange" variant="light" icon={<IconPlugConnectedX size={18} />} title={t('citizens.page.notConnected')}>
          <Text size="sm">
            {t('citizens.page.notConnectedText')}{' '}
            <Anchor component={Link} to="/parametres/portail" size="sm">
              {t('publications.settingsLink')}
            </Anchor>
            .
          </Text>
        </Alert>
      )}

      {data.everything === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text fw={600}>{t('citizens.page.empty')}</Text>
          <Text size="sm" mt={4}>
            {t('citizens.page.emptyHelp')}
          </Text>
        </Paper>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" role="group" aria-label={t('citizens.page.statusCounts')}>
            {INPUT_STATUSES.map((status) => (
              <UnstyledButton
                key={status}
                className={classes.count}
                data-active={filters.status === status || undefined}
                aria-pressed={filters.status === status}
                onClick={() => filter('status', filters.status === status ? null : status)}
                style={{ borderLeftColor: `var(--mantine-color-${STATUS_COLORS[status]}-6)` }}
              >
                <Text size="xs" c="dimmed" fw={600}>
                  {INPUT_STATUS_LABELS[status]}
                </Text>
                <Text size="lg" fw={700} lh={1.2} data-testid={`count-${status}`}>
                  {formatInteger(data.statusCounts[status])}
                </Text>
              </UnstyledButton>
            ))}
          </SimpleGrid>

          <Paper withBorder p="sm" radius="md" role="search" aria-label={t('citizens.page.filters')}>
            <Stack gap="xs">
              <SimpleGrid cols={5} spacing="sm" verticalSpacing="xs">
                <TextInput
                  label={t('citizens.page.search')}
                  placeholder={t('citizens.page.searchPlaceholder')}
                  leftSection={<IconSearch size={16} />}
                  value={search}
                  maxLength={200}
                  onChange={(event) => {
                    setSearch(event.currentTarget.value)
                    setPage(1)
                  }}
                  style={{ gridColumn: 'span 2' }}
                />
                <Select
                  label={t('citizens.page.kind')}
                  placeholder={t('citizens.page.all')}
                  clearable
                  data={choice(INPUT_KINDS, INPUT_KIND_LABELS)}
                  value={filters.kind}
                  onChange={(value) => filter('kind', value as InputKind | null)}
                />
                <Select
                  label={t('citizens.page.moderation')}
                  placeholder={t('citizens.page.all')}
                  clearable
                  data={MODERATION_STATES.map((state) => ({
                    value: state,
                    label: `${MODERATION_LABELS[state]} (${formatInteger(data.moderationCounts[state])})`,
                  }))}
                  value={filters.moderation}
                  onChange={(value) => filter('moderation', value as ModerationState | null)}
                />
                <Select
                  label={t('citizens.page.topic')}
                  placeholder={t('citizens.page.all')}
                  clearable
                  data={choice(TOPICS, TOPIC_LABELS)}
                  value={filters.topic}
                  onChange={(value) => filter('topic', value as Topic | null)}
                />
                <Select
                  label={t('citizens.page.theme')}
                  placeholder={t('citizens.page.all')}
                  clearable
                  searchable
                  data={themeOptions}
                  value={filters.themeId}
                  onChange={(value) => filter('themeId', value)}
                />
                <Select
                  label={t('citizens.page.linkedProjectFilter')}
                  placeholder={t('citizens.page.all')}
                  clearable
                  searchable
                  data={projectOptions}
                  value={filters.projectId === null ? null : String(filters.projectId)}
                  onChange={(value) => filter('projectId', value === null ? null : Number(value))}
                />
                <FrenchDateInput
                  label={t('citizens.page.from')}
                  value={filters.from}
                  onChange={(value) => filter('from', value)}
                  error={filters.from !== null && realDay(filters.from) === null ? t('citizens.page.dateProblem') : undefined}
                />
                <FrenchDateInput
                  label={t('citizens.page.to')}
                  value={filters.to}
                  onChange={(value) => filter('to', value)}
                  error={filters.to !== null && realDay(filters.to) === null ? t('citizens.page.dateProblem') : undefined}
                />
              </SimpleGrid>
              <Group justify="space-between">
                <Group gap="lg">
                  <Checkbox
                    label={t('citizens.page.unseenOnly')}
                    checked={filters.unseenOnly}
                    onChange={(event) => filter('unseenOnly', event.currentTarget.checked)}
                  />
                  <Checkbox
                    label={t('citizens.page.unansweredOnly')}
                    checked={filters.unansweredOnly}
                    onChange={(event) => filter('unansweredOnly', event.currentTarget.checked)}
                  />
                </Group>
                {filtered && (
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => {
                      setFilters(NO_FILTERS)
                      setSearch('')
                      setPage(1)
                    }}
                  >
                    {t('citizens.page.clearFilters')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>

          {list.isError && <FormError message={list.error.message} />}
          <Group justify="space-between">
            <Text size="sm" fw={600} role="status">
              {t('citizens.page.showing', { count: data.total })}
            </Text>
            {list.isFetching && <Loader size="xs" />}
          </Group>
          {data.items.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text>{t('citizens.page.noMatch')}</Text>
            </Paper>
          ) : (
            <Stack gap="xs" component="ul" className={classes.list} aria-label={t('citizens.page.list')}>
              {data.items.map((item) => (
                <ContributionRow
                  key={item.id}
                  item={item}
                  themeName={item.themeId ? (themeNames.get(item.themeId) ?? null) : null}
                  onOpen={() => open(item.id)}
                />
              ))}
            </Stack>
          )}
          {data.total > data.pageSize && (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={data.page}
              onChange={setPage}
              aria-label={t('citizens.page.pages')}
              getControlProps={(control) => ({ 'aria-label': t(`citizens.page.pagination.${control}`) })}
            />
          )}
        </>
      )}
      <ContributionDrawer id={openId} onClose={() => open(null)} />
    </Stack>
  )
}

function ContributionRow({ item, themeName, onOpen }: { item: ContributionSummary; themeName: string | null; onOpen(): void }) {
  const { t } = useTranslation()
  const heading = item.title ?? t('citizens.page.untitled', { kind: INPUT_KIND_LABELS[item.kind] })
  return (
    <li>
      <UnstyledButton
        className={classes.row}
        data-unseen={!item.seen || undefined}
        onClick={onOpen}
        aria-label={`${t('citizens.page.open')} : ${heading}`}
      >
        <Group wrap="nowrap" align="flex-start" gap="md">
          <div className={classes.thumb}>
            {item.firstPhotoId !== null ? (
              <PhotoThumbnail id={item.firstPhotoId} alt={t('citizens.page.photo', { n: 1, total: item.photos })} />
            ) : (
              <IconPhoto size={24} aria-hidden color="var(--mantine-color-gray-4)" />
            )}
          </div>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <CitizenText fw={item.seen ? 500 : 700} lineClamp={1}>
                {heading}
              </CitizenText>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(item.createdAt)}
              </Text>
            </Group>
            <CitizenText size="sm" c="dimmed" lineClamp={2}>
              {item.excerpt}
            </CitizenText>
            <Group gap="xs" justify="space-between">
              <ContributionBadges kind={item.kind} status={item.status} moderation={item.moderation} seen={item.seen} />
              <Text size="xs" c="dimmed">
                {[
                  item.authorDisplayName
                    ? `${t('citizens.page.by', { name: item.authorDisplayName })}${item.authorPseudonymousId ? ` (${item.authorPseudonymousId})` : ''}`
                    : t('citizens.page.anonymous'),
                  item.topic ? TOPIC_LABELS[item.topic] : null,
                  item.photos > 0 ? t('citizens.page.photos', { count: item.photos }) : null,
                  item.reports > 0 ? t('citizens.page.reports', { count: item.reports }) : null,
                  item.answered ? t('citizens.page.answered') : t('citizens.page.unanswered'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
            {(item.projectTitle || themeName || item.duplicateOfId !== null) && (
              <Group gap="xs">
                {item.duplicateOfId !== null && (
                  <Badge size="sm" variant="outline" color="gray">
                    {t('citizens.page.duplicateBadge')}
                  </Badge>
                )}
                <Text size="xs" fw={600} c="indigo.8" style={{ overflowWrap: 'anywhere' }}>
                  {[item.projectTitle ? t('citizens.page.linkedProject', { title: item.projectTitle }) : null, themeName].filter(Boolean).join(' · ')}
                </Text>
              </Group>
            )}
            {item.address && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <CitizenText size="xs" lineClamp={1}>
                  {item.address}
                </CitizenText>
              </Group>
            )}
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  )
}
