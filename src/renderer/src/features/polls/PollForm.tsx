import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus } from '@tabler/icons-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { POLL_MAX_OPTIONS, POLL_MAX_QUESTIONS, pollInput, type Poll, type PollInput } from '@shared/contract'
import {
  POLL_KIND_LABELS,
  POLL_KINDS,
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  RESULTS_VISIBILITY,
  RESULTS_VISIBILITY_LABELS,
  VERIFICATION_LABELS,
  VERIFICATION_LEVELS,
  type PollKind,
  type QuestionKind,
  type ResultsVisibility,
  type VerificationLevel,
} from '@shared/relay/vocabulary'
import { FormActions } from '../../components/FormActions'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { useDiscardGuard } from '../../components/GuardedModal'
import { todayIso } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'
import { MoveButtons } from './MoveButtons'

/** A choice as the form holds it: `key` only names the row on screen; `id` is the one the poll gave it, if any. */
export interface OptionValues {
  key: string
  id?: string
  label: string
}

export interface QuestionValues {
  key: string
  id?: string
  kind: QuestionKind
  label: string
  required: boolean
  options: OptionValues[]
}

export interface PollValues {
  kind: PollKind
  title: string
  description: string
  /** The project voted on, as the select holds it. */
  projectId: string | null
  opensOn: string | null
  closesOn: string | null
  verification: VerificationLevel
  results: ResultsVisibility
  questions: QuestionValues[]
}

let lastKey = 0
function rowKey(): string {
  lastKey += 1
  return `ligne-${lastKey}`
}

function newOption(): OptionValues {
  return { key: rowKey(), label: '' }
}

function newQuestion(kind: QuestionKind = 'choix_unique', label = ''): QuestionValues {
  return { key: rowKey(), kind, label, required: true, options: kind === 'texte_court' ? [] : [newOption(), newOption()] }
}

function inDays(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000))
}

export function emptyPoll(): PollValues {
  return {
    kind: 'sondage',
    title: '',
    description: '',
    projectId: null,
    opensOn: todayIso(),
    closesOn: inDays(14),
    verification: 'email',
    results: 'a_la_cloture',
    questions: [newQuestion()],
  }
}

export function pollValues(poll: Poll): PollValues {
  return {
    kind: poll.kind,
    title: poll.title,
    description: poll.description ?? '',
    projectId: poll.projectId === null ? null : String(poll.projectId),
    opensOn: poll.opensOn,
    closesOn: poll.closesOn,
    verification: poll.verification,
    results: poll.results,
    questions: poll.questions.map((question) => ({
      key: rowKey(),
      id: question.id,
      kind: question.kind,
      label: question.label,
      required: question.required,
      options: question.options.map((option) => ({ key: rowKey(), id: option.id, label: option.label })),
    })),
  }
}

/**
 * The form's values as the contract takes them: the ids received are sent back, none for a new question or choice;
 * what is missing is left for the contract to refuse, in French.
 */
export function pollInputOf(values: PollValues): PollInput {
  return {
    kind: values.kind,
    title: values.title,
    description: values.description,
    projectId: values.projectId === null ? null : Number(values.projectId),
    opensOn: values.opensOn as string,
    closesOn: values.closesOn as string,
    verification: values.verification,
    results: values.results,
    questions: values.questions.map((question) => ({
      ...(question.id ? { id: question.id } : {}),
      kind: question.kind,
      label: question.label,
      required: question.required,
      options:
        question.kind === 'texte_court' ? [] : question.options.map((option) => ({ ...(option.id ? { id: option.id } : {}), label: option.label })),
    })),
  }
}

function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item!)
  return next
}

/** After a move the row is elsewhere: the focus follows it (on the other arrow when it reached an end). */
function focusLater(id: string, fallback: string) {
  setTimeout(() => {
    const target = document.getElementById(id) as HTMLButtonElement | null
    const button = target && !target.disabled ? target : (document.getElementById(fallback) as HTMLButtonElement | null)
    button?.focus()
  })
}

interface PollFormProps {
  initial: PollValues
  /** Online answers already received: the questions' shape is then fixed. */
  answers: number
  /** Paper ballots entered: the shape is fixed too, until they are removed. */
  paperBallots: number | null
  projects: { value: string; label: string }[]
  submitLabel: string
  /** Said above the buttons (a poll off the portal stays off). */
  notice?: string
  onSubmit(values: PollValues): Promise<void>
  onCancel(): void
}

/** A sondage (questions of three kinds) or a vote (a project and its options), with its dates and who may answer. */
export function PollForm({ initial, answers, paperBallots, projects, submitLabel, notice, onSubmit, onCancel }: PollFormProps) {
  const { t } = useTranslation()
  const form = useForm<PollValues>({ mode: 'controlled', initialValues: initial, validate: (values) => validateWith(pollInput, pollInputOf(values)) })
  const cancel = useDiscardGuard(form.isDirty(), onCancel)
  const submit = useFormSubmit(form, onSubmit)
  // The sondage's questions while the form shows a vote: switching back brings them back.
  const stashed = useRef<QuestionValues[] | null>(null)
  const values = form.values
  const errors = form.errors
  const locked = answers > 0 || paperBallots !== null
  const isVote = values.kind === 'vote'

  function chooseKind(kind: PollKind) {
    if (kind === values.kind) return
    if (kind === 'vote') {
      stashed.current = values.questions
      const first = values.questions[0]
      const keep = values.questions.length === 1 && first?.kind === 'choix_unique'
      const question = keep
        ? { ...first, label: first.label || t('polls.form.voteQuestionDefault') }
        : newQuestion('choix_unique', t('polls.form.voteQuestionDefault'))
      form.setFieldValue('questions', [question])
    } else {
      form.setFieldValue('questions', stashed.current ?? [newQuestion()])
      form.setFieldValue('projectId', null)
    }
    form.setFieldValue('kind', kind)
  }

  function setQuestionKind(index: number, kind: QuestionKind) {
    const question = values.questions[index]!
    form.setFieldValue(`questions.${index}.kind`, kind)
    // A question that becomes a choice starts with two empty choices (its earlier ones are kept otherwise).
    if (kind !== 'texte_court' && question.options.length === 0) form.setFieldValue(`questions.${index}.options`, [newOption(), newOption()])
  }

  function moveOption(questionIndex: number, from: number, to: number, direction: 'up' | 'down') {
    const question = values.questions[questionIndex]!
    const key = question.options[from]!.key
    form.setFieldValue(`questions.${questionIndex}.options`, moved(question.options, from, to))
    focusLater(`${key}-${direction}`, `${key}-${direction === 'up' ? 'down' : 'up'}`)
  }

  function moveQuestion(from: number, to: number, direction: 'up' | 'down') {
    const key = values.questions[from]!.key
    form.setFieldValue('questions', moved(values.questions, from, to))
    focusLater(`${key}-${direction}`, `${key}-${direction === 'up' ? 'down' : 'up'}`)
  }

  function addOption(questionIndex: number) {
    const option = newOption()
    form.insertListItem(`questions.${questionIndex}.options`, option)
    setTimeout(() => document.getElementById(`${option.key}-label`)?.focus())
  }

  function addQuestion() {
    const question = newQuestion()
    form.insertListItem('questions', question)
    setTimeout(() => document.getElementById(`${question.key}-label`)?.focus())
  }

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        {answers > 0 ? (
          <Alert role="note" color="blue" variant="light" title={t('polls.form.answeredTitle', { count: answers })}>
            <Text size="sm">{t('polls.form.answeredHelp')}</Text>
          </Alert>
        ) : (
          paperBallots !== null && (
            <Alert role="note" color="blue" variant="light" title={t('polls.form.paperTitle', { count: paperBallots })}>
              <Text size="sm">{t('polls.form.paperHelp')}</Text>
            </Alert>
          )
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="poll-kind-label">
            {t('polls.form.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="poll-kind-label"
            value={values.kind}
            onChange={(kind) => chooseKind(kind as PollKind)}
            data={POLL_KINDS.map((kind) => ({ value: kind, label: POLL_KIND_LABELS[kind] }))}
            disabled={locked}
            w="fit-content"
          />
          <Text size="xs" c="dimmed">
            {t(`polls.form.kindHelp.${values.kind}`)}
          </Text>
        </Stack>
        <TextInput label={t('polls.form.title')} required maxLength={200} {...form.getInputProps('title')} data-autofocus />
        <Textarea
          label={t('polls.form.description')}
          description={t('polls.form.descriptionHelp')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          {...form.getInputProps('description')}
        />
        {isVote && (
          <Select
            label={t('polls.form.project')}
            description={projects.length === 0 ? t('polls.form.projectEmpty') : t('polls.form.projectHelp')}
            required
            searchable
            nothingFoundMessage={t('polls.form.projectEmpty')}
            data={projects}
            {...form.getInputProps('projectId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FrenchDateInput
            label={t('polls.form.opensOn')}
            required
            value={values.opensOn}
            onChange={(value) => form.setFieldValue('opensOn', value)}
            error={errors.opensOn}
          />
          <FrenchDateInput
            label={t('polls.form.closesOn')}
            required
            value={values.closesOn}
            onChange={(value) => form.setFieldValue('closesOn', value)}
            error={errors.closesOn}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group label={t('polls.form.verification')} required {...form.getInputProps('verification')}>
            <Stack gap="xs" mt={6}>
              {VERIFICATION_LEVELS.map((level) => (
                <Radio key={level} value={level} label={VERIFICATION_LABELS[level]} description={t(`polls.form.verificationHelp.${level}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('polls.form.results')} required {...form.getInputProps('results')}>
            <Stack gap="xs" mt={6}>
              {RESULTS_VISIBILITY.map((when) => (
                <Radio key={when} value={when} label={RESULTS_VISIBILITY_LABELS[when]} description={t(`polls.form.resultsHelp.${when}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </SimpleGrid>

        <Stack gap="sm">
          <Text fw={600}>{isVote ? t('polls.form.voteOptions') : t('polls.form.questions')}</Text>
          {errors.questions && (
            <Text size="sm" c="red.8" role="alert">
              {errors.questions}
            </Text>
          )}
          {values.questions.map((question, questionIndex) => {
            const n = questionIndex + 1
            const path = `questions.${questionIndex}`
            return (
              <Fieldset key={question.key} legend={isVote ? undefined : t('polls.form.question', { n })} radius="md" p="md">
                <Stack gap="sm">
                  <Group align="flex-start" wrap="nowrap">
                    <TextInput
                      id={`${question.key}-label`}
                      style={{ flex: 1 }}
                      label={isVote ? t('polls.form.voteQuestionLabel') : t('polls.form.questionLabel')}
                      required
                      maxLength={500}
                      {...form.getInputProps(`${path}.label`)}
                    />
                    {!isVote && (
                      <MoveButtons
                        rowKey={question.key}
                        index={questionIndex}
                        count={values.questions.length}
                        disabled={locked}
                        labels={{
                          up: t('polls.form.moveQuestionUp', { n }),
                          down: t('polls.form.moveQuestionDown', { n }),
                          remove: t('polls.form.removeQuestion', { n }),
                        }}
                        onMove={(to, direction) => moveQuestion(questionIndex, to, direction)}
                        onRemove={() => form.removeListItem('questions', questionIndex)}
                        canRemove={values.questions.length > 1}
                        mt={24}
                      />
                    )}
                  </Group>
                  {!isVote && (
                    <Group gap="lg" align="center">
                      <SegmentedControl
                        aria-label={`${t('polls.form.questionKind')} (${t('polls.form.question', { n })})`}
                        value={question.kind}
                        onChange={(kind) => setQuestionKind(questionIndex, kind as QuestionKind)}
                        data={QUESTION_KINDS.map((kind) => ({ value: kind, label: QUESTION_KIND_LABELS[kind] }))}
                        disabled={locked}
                        size="xs"
                      />
                      <Checkbox label={t('polls.form.required')} {...form.getInputProps(`${path}.required`, { type: 'checkbox' })} />
                    </Group>
                  )}
                  {question.kind === 'texte_court' ? (
                    <Text size="sm" c="dimmed">
                      {t('polls.form.shortTextHelp')}
                    </Text>
                  ) : (
                    <Stack gap="xs">
                      {!isVote && (
                        <Text size="sm" fw={500}>
                          {t('polls.form.options')}
                        </Text>
                      )}
                      {question.options.map((option, optionIndex) => {
                        const m = optionIndex + 1
                        return (
                          <Group key={option.key} align="flex-start" wrap="nowrap" gap="xs">
                            <TextInput
                              id={`${option.key}-label`}
                              style={{ flex: 1 }}
                              aria-label={t('polls.form.option', { n: m })}
                              placeholder={t('polls.form.option', { n: m })}
                              maxLength={300}
                              {...form.getInputProps(`${path}.options.${optionIndex}.label`)}
                            />
                            <MoveButtons
                              rowKey={option.key}
                              index={optionIndex}
                              count={question.options.length}
                              disabled={locked}
                              labels={{
                                up: t('polls.form.moveUp', { n: m }),
                                down: t('polls.form.moveDown', { n: m }),
                                remove: t('polls.form.removeOption', { n: m }),
                              }}
                              onMove={(to, direction) => moveOption(questionIndex, optionIndex, to, direction)}
                              onRemove={() => form.removeListItem(`${path}.options`, optionIndex)}
                              canRemove
                            />
                          </Group>
                        )
                      })}
                      {errors[`${path}.options`] && (
                        <Text size="sm" c="red.8" role="alert">
                          {errors[`${path}.options`]}
                        </Text>
                      )}
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        w="fit-content"
                        leftSection={<IconPlus size={16} />}
                        onClick={() => addOption(questionIndex)}
                        disabled={locked || question.options.length >= POLL_MAX_OPTIONS}
                        aria-label={isVote ? t('polls.form.addOption') : `${t('polls.form.addOption')} (${t('polls.form.question', { n })})`}
                      >
                        {t('polls.form.addOption')}
                      </Button>
                    </Stack>
                  )}
                </Stack>
              </Fieldset>
            )
          })}
          {!isVote && (
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={18} />}
              onClick={addQuestion}
              disabled={locked || values.questions.length >= POLL_MAX_QUESTIONS}
            >
              {t('polls.form.addQuestion')}
            </Button>
          )}
        </Stack>
        {notice && (
          <Text size="sm" c="dimmed">
            {notice}
          </Text>
        )}
        <FormActions submit={submit} submitLabel={submitLabel} onCancel={cancel} />
      </Stack>
    </form>
  )
}
