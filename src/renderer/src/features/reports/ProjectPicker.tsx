import { MultiSelect, Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core'
import { keepPreviousData } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROJECT_STATUS_LABELS } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { foldForSearch } from './report-request'

/** The most projects listed at once; beyond, the list follows what is typed (searched by the core). */
const LISTED = 200

type ProjectItem = ComboboxItem<number> & { status: string }

/** Accent- and case-insensitive, on the title and the status. */
const filterProjects: OptionsFilter<number> = ({ options, search, limit }) => {
  const wanted = foldForSearch(search.trim())
  const found: ComboboxParsedItem<number>[] = []
  for (const option of options) {
    if ('group' in option) continue
    if (wanted === '' || foldForSearch(option.label).includes(wanted)) found.push(option)
    if (found.length >= limit) break
  }
  return found
}

/**
 * The projects to offer: the whole list when it is short, else those matching what is typed (searched by the core);
 * the chosen ones stay listed, with the label they had when chosen, whatever the search.
 */
function useProjectOptions(search: string, chosen: number[]) {
  const all = useApiQuery('projects.list', { sort: 'title', pageSize: LISTED })
  const query = useDeferredValue(search.trim())
  const needsSearch = (all.data?.total ?? 0) > LISTED && query !== ''
  const searched = useApiQuery(
    'projects.list',
    { sort: 'title', pageSize: LISTED, query },
    { enabled: needsSearch, placeholderData: keepPreviousData },
  )
  const [remembered, setRemembered] = useState<ReadonlyMap<number, ProjectItem>>(new Map())
  const items = (needsSearch && searched.data ? searched.data.items : (all.data?.items ?? [])).map<ProjectItem>((p) => ({
    value: p.id,
    label: p.title,
    status: PROJECT_STATUS_LABELS[p.status],
  }))
  const listed = new Set(items.map((i) => i.value))
  const extra = chosen.filter((id) => !listed.has(id)).flatMap((id) => remembered.get(id) ?? [])
  const data = [...extra, ...items]
  /** Call with the new choice, before handing it on. */
  const remember = (ids: number[]) => {
    const next = new Map(remembered)
    for (const item of data) if (ids.includes(item.value)) next.set(item.value, item)
    setRemembered(next)
  }
  return { data, remember, error: all.error?.message ?? null }
}

function renderProject({ option }: { option: ComboboxItem<number> }) {
  const status = (option as ProjectItem).status
  return (
    <span>
      {option.label}
      {status && <span style={{ color: 'var(--mantine-color-dimmed)', marginLeft: 8, fontSize: 'var(--mantine-font-size-xs)' }}>{status}</span>}
    </span>
  )
}

/** What both pickers share: typing searches the projects (accents and case ignored), with their status beside. */
function useProjectSearch(selected: number[]) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const options = useProjectOptions(search, selected)
  const searchProps = {
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    filter: filterProjects,
    renderOption: renderProject,
    nothingFoundMessage: t('reports.noProjectMatch'),
  }
  return { t, options, searchProps }
}

interface ProjectSelectProps {
  label: string
  value: number | null
  onChange(value: number | null): void
  error?: string
  description?: string
}

/** One project, searchable by typing. */
export function ProjectSelect({ label, value, onChange, error, description }: ProjectSelectProps) {
  const { t, options, searchProps } = useProjectSearch(value === null ? [] : [value])
  return (
    <Select<number>
      label={label}
      description={description}
      placeholder={t('reports.projectPlaceholder')}
      data={options.data}
      value={value}
      onChange={(next) => {
        options.remember(next === null ? [] : [next])
        onChange(next)
      }}
      {...searchProps}
      error={error ?? options.error ?? undefined}
      limit={LISTED}
      maxDropdownHeight={320}
      clearable
      maw={560}
    />
  )
}

interface ProjectsMultiSelectProps {
  label: string
  description?: string
  value: number[]
  onChange(value: number[]): void
  max: number
  disabled?: boolean
  error?: string
}

/** Several projects, searchable by typing, at most `max`. */
export function ProjectsMultiSelect({ label, description, value, onChange, max, disabled, error }: ProjectsMultiSelectProps) {
  const { t, options, searchProps } = useProjectSearch(value)
  // Closed after each pick: left open, the list would cover « Générer l’aperçu » below. Typing opens it again.
  const [opened, setOpened] = useState(false)
  return (
    <MultiSelect<number>
      dropdownOpened={opened}
      onDropdownOpen={() => setOpened(true)}
      onDropdownClose={() => setOpened(false)}
      onOptionSubmit={() => setOpened(false)}
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('reports.projectsPlaceholder')}
      data={options.data}
      value={value}
      onChange={(next) => {
        options.remember(next)
        onChange(next)
      }}
      {...searchProps}
      maxValues={max}
      hidePickedOptions
      disabled={disabled}
      error={error ?? options.error ?? undefined}
      limit={LISTED}
      maxDropdownHeight={320}
      clearable
      maw={760}
    />
  )
}
