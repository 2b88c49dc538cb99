import { ActionIcon, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TASK_STATUS_LABELS, TASK_STATUSES, taskInputSchema, type ProjectDetail, type Task, type TaskStatus } from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { CommentList } from '../../components/CommentList'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { validateWith } from '../../lib/validation'

interface TaskDialogProps {
  project: ProjectDetail
  /** null: a new task. */
  task: Task | null
  defaultActionId?: number | null
  onClose(): void
  onSaved(): Promise<void>
}

/** A task: who, when, its checklist and its comments. */
export function TaskDialog({ project, task, defaultActionId = null, onClose, onSaved }: TaskDialogProps) {
  const { t } = useTranslation()
  const members = useApiQuery('members.list', {})
  const [title, setTitle] = useState(task?.title ?? '')
  const [description, setDescription] = useState(task?.description ?? '')
  const [assignee, setAssignee] = useState<string | null>(task?.assigneeMemberId ? String(task.assigneeMemberId) : null)
  const [actionId, setActionId] = useState<string | null>(task?.actionId ? String(task.actionId) : defaultActionId ? String(defaultActionId) : null)
  const [dueOn, setDueOn] = useState<string | null>(task?.dueOn ?? null)
  const [status, setStatus] = useState<TaskStatus>(task?.status ?? 'a_faire')
  const [checklist, setChecklist] = useState(task?.checklist ?? [])
  const [newItem, setNewItem] = useState('')
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const comments = task ? project.comments.filter((c) => c.taskId === task.id) : []

  async function save() {
    const input = {
      projectId: project.id,
      actionId: actionId ? Number(actionId) : null,
      title,
      description,
      assigneeMemberId: assignee ? Number(assignee) : null,
      dueOn,
      status,
      checklist,
    }
    const found = validateWith(taskInputSchema, input)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    setFailure(null)
    try {
      if (task) {
        const { projectId: _projectId, ...changes } = input
        await call('tasks.update', { ...changes, id: task.id })
      } else {
        await call('tasks.create', input)
      }
      await onSaved()
      onClose()
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={task ? t('tasks.edit') : t('tasks.new')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Stack>
          <TextInput
            label={t('tasks.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            data-autofocus
          />
          <Textarea
            label={t('tasks.fields.description')}
            autosize
            minRows={1}
            maxRows={5}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('tasks.fields.assignee')}
              data={(members.data ?? []).map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))}
              value={assignee}
              onChange={setAssignee}
              clearable
              searchable
            />
            <FrenchDateInput label={t('tasks.fields.dueOn')} value={dueOn} onChange={setDueOn} error={errors.dueOn} />
            <Select
              label={t('tasks.fields.status')}
              data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
              value={status}
              onChange={(v) => v && setStatus(v as TaskStatus)}
              allowDeselect={false}
            />
            <Select
              label={t('tasks.fields.action')}
              data={project.actions.map((a) => ({ value: String(a.id), label: a.title }))}
              value={actionId}
              onChange={setActionId}
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
                <Checkbox
                  label={item.label}
                  checked={item.done}
                  onChange={(e) => {
                    const done = e.currentTarget.checked
                    setChecklist((list) => list.map((x, i) => (i === index ? { ...x, done } : x)))
                  }}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`${t('common.remove')} ${item.label}`}
                  onClick={() => setChecklist((list) => list.filter((_, i) => i !== index))}
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
                    setChecklist((list) => [...list, { label: newItem.trim(), done: false }])
                    setNewItem('')
                  }
                }}
                style={{ flex: 1 }}
              />
              <Button
                variant="light"
                leftSection={<IconPlus size={14} />}
                disabled={!newItem.trim()}
                onClick={() => {
                  setChecklist((list) => [...list, { label: newItem.trim(), done: false }])
                  setNewItem('')
                }}
              >
                {t('tasks.checklistAdd')}
              </Button>
            </Group>
          </Stack>
          <FormError message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {task ? t('common.save') : t('tasks.create')}
            </Button>
          </Group>
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
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              disabled={!comment.trim()}
              onClick={async () => {
                try {
                  await call('comments.add', { projectId: project.id, taskId: task.id, body: comment })
                  setComment('')
                  await onSaved()
                } catch (error) {
                  setFailure(errorMessage(error))
                }
              }}
            >
              {t('tasks.commentAdd')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
