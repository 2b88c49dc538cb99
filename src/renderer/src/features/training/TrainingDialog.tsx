import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import {
  TRAINING_FUNDING_LABELS,
  TRAINING_FUNDINGS,
  TRAINING_MODE_LABELS,
  TRAINING_MODES,
  TRAINING_STATUS_LABELS,
  TRAINING_STATUSES,
  trainingInputSchema,
  type Training,
  type TrainingProvider,
  type TrainingStatus,
} from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EuroInput } from '../../components/EuroInput'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { FormActions } from '../../components/FormActions'
import { useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

/** What the dialog starts from: a training to edit, or a new one (possibly from a suggestion). */
export interface TrainingDraft {
  training: Training | null
  memberId: number
  memberName: string
  title?: string
  domainId?: string | null
  sourceThemeId?: string | null
  sourceCriterionId?: string | null
  status?: TrainingStatus
}

interface TrainingDialogProps {
  draft: TrainingDraft
  providers: TrainingProvider[]
  /** Days of training leave: only for an élu who is an employee. */
  isEmployee: boolean
  onClose(): void
}

/** One training: what, with whom, when, how it is paid, and where it stands. */
export function TrainingDialog({ draft, providers, isEmployee, onClose }: TrainingDialogProps) {
  const { t } = useTranslation()
  // Through the mutation hook: a double click or a retry after a lost answer creates the training once.
  const create = useApiMutation('training.create')
  const referentiel = useApiQuery('referentiel.get', {})
  const update = useApiMutation('training.update')
  const initial = draft.training
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      title: initial?.title ?? draft.title ?? '',
      providerId: initial?.providerId ?? null,
      startOn: initial?.startOn ?? null,
      endOn: initial?.endOn ?? null,
      durationHours: initial?.durationHours ?? null,
      mode: initial?.mode ?? 'presentiel',
      domainId: initial?.domainId ?? draft.domainId ?? null,
      costCents: initial?.costCents ?? 0,
      funding: initial?.funding ?? 'budget_communal',
      travelCents: initial?.travelCents ?? 0,
      lostIncomeCents: initial?.lostIncomeCents ?? 0,
      leaveDays: initial?.leaveDays ?? 0,
      status: initial?.status ?? draft.status ?? 'souhaitee',
      notes: initial?.notes ?? '',
      sourceThemeId: initial?.sourceThemeId ?? draft.sourceThemeId ?? null,
      sourceCriterionId: initial?.sourceCriterionId ?? draft.sourceCriterionId ?? null,
    },
    validate: (values) => validateWith(trainingInputSchema, { memberId: draft.memberId, ...values }),
  })
  // Closing with something typed asks first (« Abandonner la saisie ? »).
  const close = useDiscardGuard(form.isDirty(), onClose)
  const submit = useFormSubmit(
    form,
    async (values) => {
      if (initial) await update.mutateAsync({ id: initial.id, ...values })
      else await create.mutateAsync({ memberId: draft.memberId, ...values })
    },
    onClose,
  )
  const { values, errors } = form
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => form.setFieldValue(key, value as never)

  const domains = (referentiel.data?.domains ?? []).map((d) => ({ value: d.id, label: d.title }))
  return (
    <Modal
      opened
      onClose={close}
      size="xl"
      title={initial ? t('training.dialog.editTitle', { name: draft.memberName }) : t('training.dialog.newTitle', { name: draft.memberName })}
    >
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack>
          <TextInput
            label={t('training.fields.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('training.fields.status')}
              data={TRAINING_STATUSES.map((s) => ({ value: s, label: TRAINING_STATUS_LABELS[s] }))}
              value={values.status}
              onChange={(s) => s && set('status', s as TrainingStatus)}
              allowDeselect={false}
              error={errors.status}
            />
            <Select
              label={t('training.fields.provider')}
              description={t('training.fields.providerHelp')}
              data={providers.map((p) => ({ value: String(p.id), label: p.approved ? `${p.name} (agréé)` : p.name }))}
              value={values.providerId === null ? null : String(values.providerId)}
              onChange={(id) => set('providerId', id ? Number(id) : null)}
              clearable
              searchable
              nothingFoundMessage={t('training.fields.noProvider')}
              error={errors.providerId}
            />
            <Select
              label={t('training.fields.domain')}
              data={domains}
              value={values.domainId}
              onChange={(id) => set('domainId', id)}
              clearable
              searchable
              error={errors.domainId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <FrenchDateInput label={t('training.fields.startOn')} value={values.startOn} onChange={(d) => set('startOn', d)} error={errors.startOn} />
            <FrenchDateInput label={t('training.fields.endOn')} value={values.endOn} onChange={(d) => set('endOn', d)} error={errors.endOn} />
            <NumberInput
              label={t('training.fields.duration')}
              value={values.durationHours ?? ''}
              onChange={(v) => set('durationHours', v === '' ? null : Number(v))}
              decimalSeparator=","
              min={0}
              step={0.5}
              suffix=" h"
              error={errors.durationHours}
            />
            <Select
              label={t('training.fields.mode')}
              data={TRAINING_MODES.map((m) => ({ value: m, label: TRAINING_MODE_LABELS[m] }))}
              value={values.mode}
              onChange={(m) => m && set('mode', m as (typeof TRAINING_MODES)[number])}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <Select
              label={t('training.fields.funding')}
              data={TRAINING_FUNDINGS.map((f) => ({ value: f, label: TRAINING_FUNDING_LABELS[f] }))}
              value={values.funding}
              onChange={(f) => f && set('funding', f as (typeof TRAINING_FUNDINGS)[number])}
              allowDeselect={false}
            />
            <EuroInput
              label={t('training.fields.cost')}
              value={values.costCents}
              onChange={(c) => set('costCents', c ?? 0)}
              error={errors.costCents}
            />
            <EuroInput
              label={t('training.fields.travel')}
              value={values.travelCents}
              onChange={(c) => set('travelCents', c ?? 0)}
              error={errors.travelCents}
            />
            <EuroInput
              label={t('training.fields.lostIncome')}
              description={t('training.fields.lostIncomeHelp')}
              value={values.lostIncomeCents}
              onChange={(c) => set('lostIncomeCents', c ?? 0)}
              error={errors.lostIncomeCents}
            />
          </SimpleGrid>
          {isEmployee && (
            <NumberInput
              label={t('training.fields.leaveDays')}
              description={t('training.fields.leaveDaysHelp')}
              value={values.leaveDays}
              onChange={(v) => set('leaveDays', v === '' ? 0 : Number(v))}
              decimalSeparator=","
              min={0}
              step={0.5}
              w={260}
              error={errors.leaveDays}
            />
          )}
          <Textarea
            label={t('training.fields.notes')}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.notes}
          />
          <FormActions submit={submit} submitLabel={t('common.save')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}
