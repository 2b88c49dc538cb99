import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { CalendarEntry } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'

/**
 * Under the débat d'orientation budgétaire: the planned date of the budget session, so that the window is the real
 * one (CGCT L2312-1); an administrator enters or removes it, everyone else sees it.
 */
export function BudgetSessionForm({ entry }: { entry: CalendarEntry }) {
  const { t } = useTranslation()
  const session = useApiQuery('session.get', {})
  const sessions = useApiQuery('calendar.budgetSessions', {})
  const save = useApiMutation('calendar.setBudgetSession')
  // When the window ends on a planned session, its last day is that session.
  const plannedDay = entry.fromBudgetSession ? entry.dueOn : null
  // The budget year the window belongs to: a session from October on votes the next year's budget.
  const year = Number(entry.dueOn.slice(0, 4)) + (plannedDay !== null && Number(entry.dueOn.slice(5, 7)) >= 10 ? 1 : 0)
  const planned = sessions.data?.find((s) => s.year === year && s.plannedOn === plannedDay)
  const form = useForm<{ plannedOn: string | null }>({ initialValues: { plannedOn: plannedDay } })
  const { plannedOn } = form.getValues()
  const submit = useFormSubmit(form, (values) => save.mutateAsync({ year, plannedOn: values.plannedOn }))
  // The removal is the same write without a date; the field empties once it is done, and keeps its date on a refusal.
  const removal = useFormSubmit(
    form,
    () => save.mutateAsync({ year, plannedOn: null }),
    () => form.setValues({ plannedOn: null }),
  )
  const canEdit = session.data?.profile?.isAdmin ?? false

  return (
    <Stack gap={6} mt={4}>
      {planned && planned.plannedOn > planned.legalDeadline && (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} p="xs">
          {t('calendar.budgetSession.late', { date: formatDate(planned.legalDeadline) })}
        </Alert>
      )}
      {canEdit ? (
        <form onSubmit={submit.onSubmit}>
          <Group align="flex-end" gap="xs">
            <FrenchDateInput
              label={t('calendar.budgetSession.label', { year })}
              value={plannedOn}
              onChange={(value) => form.setFieldValue('plannedOn', value)}
              error={form.errors.plannedOn}
              w={270}
            />
            <Button type="submit" variant="light" loading={submit.saving} disabled={plannedOn === null || plannedOn === plannedDay}>
              {t('calendar.budgetSession.save')}
            </Button>
            {plannedDay && (
              <Button variant="subtle" color="gray" loading={removal.saving} onClick={() => removal.onSubmit()}>
                {t('calendar.budgetSession.remove')}
              </Button>
            )}
          </Group>
        </form>
      ) : (
        !planned && (
          <Text size="xs" c="dimmed">
            {t('calendar.budgetSession.askAdmin')}
          </Text>
        )
      )}
      <FormError message={removal.failure ?? submit.failure} />
    </Stack>
  )
}
