import { ActionIcon, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { TASK_STATUS_LABELS, TASK_STATUSES, taskInputSchema, type ProjectDetail, type Task } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { CommentList } from '../../components/CommentList'
import { FormActions } from '../../components/FormActions'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit, type FormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

type TaskValues = Required<Omit<z.input<typeof taskInputSchema>, 'projectId'>>

interface TaskDialogProps {
  project: ProjectDetail
  /** null: a new task. */
  task: Task | null
  defaultActionId?: number | null
  onClose(): void
}

/** A task: who, when, its checklist and its comments. */
export function TaskDialog({ project, task, defaultActionId = null, onClose }: TaskDialogProps) {
  const { t } = useTranslation()
  const create = useApiMutation('tasks.create')
  const update = useApiMutation('tasks.update')
  const form = useForm<TaskValues>({
    mode: 'controlled',
    initialValues: {
      title: task?.title ?? '',
      description: task?.description ?? '',
      assigneeMemberId: task?.assigneeMemberId ?? null,
      actionId: task ? task.actionId : defaultActionId,
      dueOn: task?.dueOn ?? null,
      status: task?.status ?? 'a_faire',
      checklist: task?.checklist ?? [],
    },
    validate: (values) => validateWith(taskInputSchema, { ...values, projectId: project.id }),
  })
  const submit = useFormSubmit(
    form,
    (values) => (task ? update.mutateAsync({ ...values, id: task.id }) : create.mutateAsync({ ...values, projectId: project.id })),
    onClose,
  )
  return (
    <GuardedModal opened onClose={onClose} title={task ? t('tasks.edit') : t('tasks.new')} size="lg">
      <TaskFields project={project} task={task} form={form} submit={submit} />
    </GuardedModal>
  )
}

function TaskFields({
  project,
  task,
  form,
  submit,
}: {
  project: ProjectDetail
  task: Task | null
  form: UseFormReturnType<TaskValues>
  submit: FormSubmit
}) {
  const { t } = useTranslation()
  const members = useApiQuery('members.list', {})
  const addComment = useApiMutation('comments.add')
  const [newItem, setNewItem] = useState('')
  const [comment, setComment] = useState('')
  const cancel = useDiscardGuard(form.isDirty() || newItem.trim() !== '' || comment.trim() !== '', () => undefined)
  const comments = task ? project.comments.filter((c) => c.taskId === task.id) : []
  const { checklist } = form.values
  const addItem = () => {
    form.insertListItem('checklist', { label: newItem.trim(), done: false })
    setNewItem('')
  }
  const idValue = (field: 'assigneeMemberId' | 'actionId') => ({
    value: form.values[field] === null ? null : String(form.values[field]),
    onChange: (v: string | null) => form.setFieldValue(field, v ? Number(v) : null),
    error: form.errors[field],
  })

  return (
    <>
      <form noValidate onSubmit={submit.onSubmit}>
        <Stack>
          <TextInput label={t('tasks.fields.title')} required {...form.getInputProps('title')} data-autofocus />
          <Textarea label={t('tasks.fields.description')} autosize minRows={1} maxRows={5} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('tasks.fields.assignee')}
              data={(members.data ?? []).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
              {...idValue('assigneeMemberId')}
              clearable
              searchable
            />
            <FrenchDateInput
              label={t('tasks.fields.dueOn')}
              value={form.values.dueOn}
              onChange={(v) => form.setFieldValue('dueOn', v)}
              error={form.errors.dueOn}
            />
            <Select
              label={t('tasks.fields.status')}
              data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
              {...form.getInputProps('status')}
              allowDeselect={false}
            />
            <Select
              label={t('tasks.fields.action')}
              data={project.actions.map((a) => ({ value: String(a.id), label: a.title }))}
              {...idValue('actionId')}
              clearable
              placeholder={t('tasks.noAction')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('tasks.fields.checklist')}
            </Text>
            {checklist.map((item, index) => (
              <Group key={index} gap="xs" wrap="nowrap">
                <Checkbox label={item.label} {...form.getInputProps(`checklist.${index}.done`, { type: 'checkbox' })} style={{ flex: 1 }} />
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`${t('common.remove')} ${item.label}`}
                  onClick={() => form.removeListItem('checklist', index)}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs">
              <TextInput
                placeholder={t('tasks.checklistPlaceholder')}
                aria-label={t('tasks.checklistAdd')}
                value={newItem}
                onChange={(e) => setNewItem(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && newItem.trim()) {
                    e.preventDefault()
                    addItem()
                  }
                }}
                style={{ flex: 1 }}
              />
              <Button variant="light" leftSection={<IconPlus size={14} />} disabled={!newItem.trim()} onClick={addItem}>
                {t('tasks.checklistAdd')}
              </Button>
            </Group>
          </Stack>
          <FormActions submit={submit} submitLabel={task ? t('common.save') : t('tasks.create')} onCancel={cancel} />
        </Stack>
      </form>
      {task && (
        <Stack gap="xs" mt="lg" aria-label={t('tasks.comments')}>
          <Text fw={600}>{t('tasks.comments')}</Text>
          <CommentList comments={comments} empty={t('tasks.noComment')} />
          <Group align="flex-end" gap="xs">
            <Textarea
              aria-label={t('tasks.commentAdd')}
              placeholder={t('tasks.commentPlaceholder')}
              autosize
              minRows={1}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={addComment.error?.message}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              disabled={!comment.trim()}
              loading={addComment.isPending}
              onClick={() => addComment.mutate({ projectId: project.id, taskId: task.id, body: comment }, { onSuccess: () => setComment('') })}
            >
              {t('tasks.commentAdd')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  )
}
