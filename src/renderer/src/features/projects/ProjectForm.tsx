import { MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import {
  PRIORITIES,
  PRIORITY_LABELS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  projectInputSchema,
  type ProjectDetail,
  type ProjectInput,
} from '@shared/contract'
import { isElectedRole } from '@shared/roles'
import { useApiQuery } from '../../api/hooks'
import { EuroInput } from '../../components/EuroInput'
import { FormActions } from '../../components/FormActions'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

type Values = Required<Omit<ProjectInput, 'status' | 'priority'>> & Pick<ProjectDetail, 'status' | 'priority'>

export function emptyProject(prefill: Partial<Values> = {}): Values {
  return {
    title: '',
    description: '',
    domainId: null,
    themeIds: [],
    criterionIds: [],
    status: 'idee',
    priority: 'normale',
    referentMemberId: null,
    startOn: null,
    endOn: null,
    budgetPlannedCents: 0,
    budgetCommittedCents: 0,
    budgetSpentCents: 0,
    ...prefill,
  }
}

export function projectValues(project: ProjectDetail): Values {
  return {
    title: project.title,
    description: project.description,
    domainId: project.domainId,
    themeIds: project.themeIds,
    criterionIds: project.criterionIds,
    status: project.status,
    priority: project.priority,
    referentMemberId: project.referentMemberId,
    startOn: project.startOn,
    endOn: project.endOn,
    budgetPlannedCents: project.budgetPlannedCents,
    budgetCommittedCents: project.budgetCommittedCents,
    budgetSpentCents: project.budgetSpentCents,
  }
}

interface ProjectFormProps {
  initial: Values
  submitLabel: string
  onSubmit(values: Values): Promise<void>
  onCancel(): void
}

/** Everything that describes a project: what, why (domain, themes, diagnostic criteria), who, when, how much. */
export function ProjectForm({ initial, submitLabel, onSubmit, onCancel }: ProjectFormProps) {
  const { t } = useTranslation()
  const referentiel = useApiQuery('referentiel.get', {})
  const members = useApiQuery('members.list', {})
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validateWith(projectInputSchema, values),
  })
  const values = form.values
  const cancel = useDiscardGuard(form.isDirty(), onCancel)
  const submit = useFormSubmit(form, onSubmit)

  const domains = referentiel.data?.domains ?? []
  const domain = domains.find((d) => d.id === values.domainId)
  const themes = domain ? domain.themes : domains.flatMap((d) => d.themes)
  const chosenThemes = themes.filter((th) => values.themeIds.includes(th.id))
  const criteria = (chosenThemes.length ? chosenThemes : []).flatMap((th) => th.criteria.filter((c) => c.applicability.applies))

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput label={t('projects.fields.title')} required {...form.getInputProps('title')} data-autofocus />
        <Textarea label={t('projects.fields.description')} autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('projects.fields.domain')}
            data={domains.map((d) => ({ value: d.id, label: d.title }))}
            value={values.domainId}
            onChange={(value) => form.setValues({ domainId: value, themeIds: [], criterionIds: [] })}
            clearable
            searchable
          />
          <MultiSelect
            label={t('projects.fields.themes')}
            data={themes.map((th) => ({ value: th.id, label: th.title }))}
            value={values.themeIds}
            onChange={(value) =>
              form.setValues({
                themeIds: value,
                criterionIds: values.criterionIds.filter((id) =>
                  themes.filter((th) => value.includes(th.id)).some((th) => th.criteria.some((c) => c.id === id)),
                ),
              })
            }
            searchable
          />
        </SimpleGrid>
        {criteria.length > 0 && (
          <MultiSelect
            label={t('projects.fields.criteria')}
            description={t('projects.fields.criteriaHelp')}
            data={criteria.map((c) => ({ value: c.id, label: c.question }))}
            {...form.getInputProps('criterionIds')}
            searchable
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('projects.fields.status')}
            data={PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }))}
            {...form.getInputProps('status')}
            allowDeselect={false}
          />
          <Select
            label={t('projects.fields.priority')}
            data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            {...form.getInputProps('priority')}
            allowDeselect={false}
          />
          <Select
            label={t('projects.fields.referent')}
            data={(members.data ?? [])
              // An élu carries the project; an agent already named stays shown so the record still reads true.
              .filter((m) => isElectedRole(m.role) || m.id === initial.referentMemberId)
              .map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
            value={values.referentMemberId === null ? null : String(values.referentMemberId)}
            onChange={(v) => form.setFieldValue('referentMemberId', v ? Number(v) : null)}
            error={form.errors.referentMemberId}
            clearable
            searchable
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FrenchDateInput
            label={t('projects.fields.startOn')}
            value={values.startOn}
            onChange={(v) => form.setFieldValue('startOn', v)}
            error={form.errors.startOn}
          />
          <FrenchDateInput
            label={t('projects.fields.endOn')}
            value={values.endOn}
            onChange={(v) => form.setFieldValue('endOn', v)}
            error={form.errors.endOn}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <EuroInput
            label={t('projects.fields.planned')}
            value={values.budgetPlannedCents}
            onChange={(v) => form.setFieldValue('budgetPlannedCents', v ?? 0)}
            error={form.errors.budgetPlannedCents}
          />
          <EuroInput
            label={t('projects.fields.committed')}
            value={values.budgetCommittedCents}
            onChange={(v) => form.setFieldValue('budgetCommittedCents', v ?? 0)}
            error={form.errors.budgetCommittedCents}
          />
          <EuroInput
            label={t('projects.fields.spent')}
            value={values.budgetSpentCents}
            onChange={(v) => form.setFieldValue('budgetSpentCents', v ?? 0)}
            error={form.errors.budgetSpentCents}
          />
        </SimpleGrid>
        <FormActions submit={submit} submitLabel={submitLabel} onCancel={cancel} />
      </Stack>
    </form>
  )
}
