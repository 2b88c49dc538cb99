import { Divider, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { paperBallotsInput, type PollResults } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface PaperValues {
  ballots: number | ''
  /** One line per option of the choice questions, in the order shown; paths match the contract (`counts.3.count`). */
  counts: { questionId: string; optionId: string; count: number | '' }[]
}

function paperValues(results: PollResults): PaperValues {
  return {
    ballots: results.paper?.ballots ?? '',
    counts: results.questions.flatMap((q) =>
      q.kind === 'texte_court' ? [] : q.options.map((o) => ({ questionId: q.id, optionId: o.id, count: results.paper ? o.paper : ('' as const) })),
    ),
  }
}

/** What is sent: a count left empty is 0 ballots for that choice; the number of ballots itself must be typed. */
function inputOf(pollId: number, values: PaperValues) {
  return {
    pollId,
    ballots: values.ballots === '' ? Number.NaN : values.ballots,
    counts: values.counts.map((c) => ({ questionId: c.questionId, optionId: c.optionId, count: c.count === '' ? 0 : c.count })),
  }
}

/** « Bulletins papier »: the ballots received at the mairie, and per choice how many chose it — entered or corrected at once. */
export function PaperBallotsDialog({ results, onClose }: { results: PollResults; onClose(): void }) {
  const { t } = useTranslation()
  return (
    <GuardedModal opened onClose={onClose} title={t('pollResults.paperTitle')} size="lg">
      <PaperBallotsForm results={results} onDone={onClose} />
    </GuardedModal>
  )
}

function PaperBallotsForm({ results, onDone }: { results: PollResults; onDone(): void }) {
  const { t } = useTranslation()
  const pollId = results.poll.id
  const setPaper = useApiMutation('pollResults.setPaper', { success: t('pollResults.paperSaved') })
  const form = useForm<PaperValues>({
    mode: 'controlled',
    initialValues: paperValues(results),
    validate: (values) => {
      if (values.ballots === '') return { ballots: t('pollResults.paperBallotsRequired') }
      return validateWith(paperBallotsInput, inputOf(pollId, values))
    },
  })
  const submit = useFormSubmit(form, (values) => setPaper.mutateAsync(inputOf(pollId, values)), onDone)
  const cancel = useDiscardGuard(form.isDirty(), onDone)
  let line = 0
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack>
        <NumberInput
          label={t('pollResults.paperBallots')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=" "
          data-autofocus
          {...form.getInputProps('ballots')}
        />
        {results.questions.map((question) => (
          <Stack key={question.id} gap="xs">
            <Divider />
            <Title order={3} size="h5">
              {question.label}
            </Title>
            {question.kind === 'texte_court' ? (
              <Text size="sm" c="dimmed">
                {t('pollResults.paperTextHint')}
              </Text>
            ) : (
              question.options.map((option) => {
                const index = line++
                return (
                  <NumberInput
                    key={option.id}
                    label={option.label}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=" "
                    {...form.getInputProps(`counts.${index}.count`)}
                  />
                )
              })
            )}
          </Stack>
        ))}
        <FormActions submit={submit} submitLabel={t('pollResults.paperSave')} onCancel={cancel} />
      </Stack>
    </form>
  )
}
