import { Checkbox, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { newsItemInput, type NewsItem } from '@shared/contract'
import { TOPIC_LABELS, TOPICS, type Topic } from '@shared/relay/vocabulary'
import { FormActions } from '../../components/FormActions'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { useDiscardGuard } from '../../components/GuardedModal'
import { todayIso } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

export interface NewsValues {
  title: string
  body: string
  topic: Topic | null
  publishedOn: string | null
  isAlert: boolean
  alertUntil: string | null
}

export function emptyNews(): NewsValues {
  return { title: '', body: '', topic: null, publishedOn: todayIso(), isAlert: false, alertUntil: null }
}

export function newsValues(item: NewsItem): NewsValues {
  return { title: item.title, body: item.body, topic: item.topic, publishedOn: item.publishedOn, isAlert: item.isAlert, alertUntil: item.alertUntil }
}

interface NewsFormProps {
  initial: NewsValues
  submitLabel: string
  /** Said above the buttons (an item off the portal stays off). */
  notice?: string
  onSubmit(values: NewsValues): Promise<void>
  onCancel(): void
}

/** A news item: title, text, topic, date, and whether it is an alert mailed at once (with its last day). */
export function NewsForm({ initial, submitLabel, notice, onSubmit, onCancel }: NewsFormProps) {
  const { t } = useTranslation()
  const form = useForm<NewsValues>({ mode: 'controlled', initialValues: initial, validate: (values) => validateWith(newsItemInput, values) })
  const values = form.values
  const cancel = useDiscardGuard(form.isDirty(), onCancel)
  const submit = useFormSubmit(form, onSubmit, undefined, { fieldPrefix: 'news.' })

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput label={t('news.fields.title')} required maxLength={200} {...form.getInputProps('title')} data-autofocus />
        <Textarea
          label={t('news.fields.body')}
          description={t('news.fields.bodyHelp')}
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={8000}
          {...form.getInputProps('body')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('news.fields.topic')}
            required
            data={TOPICS.map((topic) => ({ value: topic, label: TOPIC_LABELS[topic] }))}
            {...form.getInputProps('topic')}
            allowDeselect={false}
          />
          <FrenchDateInput
            label={t('news.fields.publishedOn')}
            required
            value={values.publishedOn}
            onChange={(v) => form.setFieldValue('publishedOn', v)}
            error={form.errors.publishedOn}
          />
        </SimpleGrid>
        <Checkbox
          label={t('news.fields.isAlert')}
          description={t('news.fields.isAlertHelp')}
          {...form.getInputProps('isAlert', { type: 'checkbox' })}
        />
        {values.isAlert && (
          <FrenchDateInput
            label={t('news.fields.alertUntil')}
            required
            maw={280}
            value={values.alertUntil}
            onChange={(v) => form.setFieldValue('alertUntil', v)}
            error={form.errors.alertUntil}
          />
        )}
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
