import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { modals } from '@mantine/modals'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applicabilityDecideInput, type CriterionView } from '@shared/contract'
import { notifyFailure, useApiMutation } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { formatDate } from '../../lib/format'
import { useFormSubmit, type FormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface Props {
  criterion: CriterionView
  /** An administrator on an open campaign: may decide or undo. */
  canDecide: boolean
}

/**
 * Beside an obligation: the commune's decision on whether it applies (badge, reason, who and when, what the rule
 * alone says, « Revenir à la règle »), or, for an administrator, the way to make one.
 */
export function ApplicabilityDecision({ criterion, canDecide }: Props) {
  const { t } = useTranslation()
  const [deciding, setDeciding] = useState(false)
  const undo = useApiMutation('applicability.undo', { failure: 'notification', success: t('applicability.undone') })
  const decision = criterion.applicability.decision
  if (criterion.kind !== 'obligation') return null

  if (!decision) {
    if (!canDecide) return null
    const applies = criterion.applicability.applies
    return (
      <>
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" color="gray" onClick={() => setDeciding(true)}>
            {applies ? t('applicability.declareNotApplicable') : t('applicability.declareApplicable')}
          </Button>
        </Group>
        {deciding && <DecisionDialog criterion={criterion} applies={!applies} onClose={() => setDeciding(false)} />}
      </>
    )
  }

  function confirmUndo() {
    modals.openConfirmModal({
      title: t('applicability.undoTitle'),
      children: <Text>{t('applicability.undoMessage')}</Text>,
      labels: { confirm: t('applicability.undoConfirm'), cancel: t('common.cancel') },
      onConfirm: () => void undo.mutateAsync({ criterionId: criterion.id }).catch(notifyFailure),
    })
  }

  return (
    <Paper withBorder p="sm" radius="md" bg="yellow.0" aria-label={t('applicability.badge')}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Badge color="dark" variant="outline" tt="none">
            {t('applicability.badge')}
          </Badge>
          {canDecide && (
            <Button variant="default" size="compact-sm" onClick={confirmUndo} loading={undo.isPending}>
              {t('applicability.undo')}
            </Button>
          )}
        </Group>
        <Text size="sm" fw={500}>
          {decision.applies ? t('applicability.applies') : t('applicability.doesNotApply')}
        </Text>
        <Text size="sm">{t('applicability.reason', { reason: decision.reason })}</Text>
        <Text size="sm" c="dimmed">
          {t('applicability.decidedBy', { name: decision.decidedBy, date: formatDate(decision.decidedAt) })}{' '}
          {decision.ruleApplies ? t('applicability.ruleWouldApply') : t('applicability.ruleWouldNot', { reason: decision.ruleReason })}
        </Text>
      </Stack>
    </Paper>
  )
}

function DecisionDialog({ criterion, applies, onClose }: { criterion: CriterionView; applies: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const decide = useApiMutation('applicability.decide', {
    success: applies ? t('applicability.decidedApplicable') : t('applicability.decidedNotApplicable'),
  })
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (values) => validateWith(applicabilityDecideInput, { criterionId: criterion.id, applies, reason: values.reason }),
  })
  const submit = useFormSubmit(form, (values) => decide.mutateAsync({ criterionId: criterion.id, applies, reason: values.reason }), onClose)
  return (
    <GuardedModal opened onClose={onClose} title={applies ? t('applicability.applicableTitle') : t('applicability.notApplicableTitle')} size="lg">
      <DecisionFields
        question={criterion.question}
        intro={
          applies
            ? t('applicability.applicableIntro', { reason: criterion.applicability.reason.replace(/\.$/, '') })
            : t('applicability.notApplicableIntro')
        }
        form={form}
        submit={submit}
        submitLabel={applies ? t('applicability.confirmApplicable') : t('applicability.confirmNotApplicable')}
      />
    </GuardedModal>
  )
}

function DecisionFields({
  question,
  intro,
  form,
  submit,
  submitLabel,
}: {
  question: string
  intro: string
  form: UseFormReturnType<{ reason: string }>
  submit: FormSubmit
  submitLabel: string
}) {
  const { t } = useTranslation()
  const cancel = useDiscardGuard(form.isDirty(), () => undefined)
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <Text fw={600}>{question}</Text>
        <Text size="sm">{intro}</Text>
        <Textarea
          label={t('applicability.reasonLabel')}
          placeholder={t('applicability.reasonPlaceholder')}
          required
          autosize
          minRows={3}
          maxLength={500}
          {...form.getInputProps('reason')}
          data-autofocus
        />
        <FormActions submit={submit} submitLabel={submitLabel} onCancel={cancel} />
      </Stack>
    </form>
  )
}
