import { ActionIcon, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACTION_STATUS_LABELS,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type ProjectAction,
  type ProjectDetail,
  type Task,
  type TaskStatus,
} from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { FormError } from '../../components/FormError'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { TASK_STATUS_COLORS } from './labels'
import { TaskDialog } from './TaskDialog'
import { confirmRemoval } from '../../components/confirmRemoval'

function ActionDialog({
  project,
  action,
  onClose,
  onSaved,
}: {
  project: ProjectDetail
  action: ProjectAction | null
  onClose(): void
  onSaved(): Promise<void>
}) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(action?.title ?? '')
  const [startOn, setStartOn] = useState<string | null>(action?.startOn ?? null)
  const [dueOn, setDueOn] = useState<string | null>(action?.dueOn ?? null)
  const [status, setStatus] = useState<ProjectAction['status']>(action?.status ?? 'a_faire')
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <Modal opened onClose={onClose} title={action ? t('actions.edit') : t('actions.new')}>
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          try {
            const values = { title, description: action?.description ?? '', startOn, dueOn, status }
            if (action) await call('actions.update', { ...values, id: action.id })
            else await call('actions.create', { ...values, projectId: project.id })
            await onSaved()
            onClose()
          } catch (error) {
            setFailure(errorMessage(error))
          }
        }}
      >
        <Stack>
          <TextInput label={t('actions.title')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
          <Group grow>
            <FrenchDateInput label={t('actions.startOn')} value={startOn} onChange={setStartOn} />
            <FrenchDateInput label={t('actions.dueOn')} value={dueOn} onChange={setDueOn} />
          </Group>
          <Select
            label={t('actions.status')}
            data={Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            value={status}
            onChange={(v) => v && setStatus(v as ProjectAction['status'])}
            allowDeselect={false}
          />
          <FormError message={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{action ? t('common.save') : t('actions.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

function TaskRow({ task, onOpen, onStatus }: { task: Task; onOpen(): void; onStatus(status: TaskStatus): void }) {
  const { t } = useTranslation()
  const checked = task.checklist.filter((i) => i.done).length
  return (
    <Group justify="space-between" wrap="nowrap" py={4} aria-label={task.title}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} td={task.status === 'faite' ? 'line-through' : undefined} truncate>
          {task.title}
        </Text>
        <Text size="xs" c={task.overdue ? 'red.8' : 'dimmed'}>
          {task.assigneeName ?? t('tasks.unassigned')}
          {task.dueOn ? ` · ${task.overdue ? t('tasks.lateSince') : t('tasks.due')} ${formatDate(task.dueOn)}` : ''}
          {task.checklist.length > 0 ? ` · ${checked}/${task.checklist.length}` : ''}
        </Text>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Select
          size="xs"
          w={120}
          aria-label={`${t('tasks.fields.status')} : ${task.title}`}
          data={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          value={task.status}
          onChange={(v) => v && onStatus(v as TaskStatus)}
          allowDeselect={false}
          styles={{ input: { borderColor: `var(--mantine-color-${TASK_STATUS_COLORS[task.status]}-4)` } }}
        />
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" aria-label={`${t('common.edit')} ${task.title}`} onClick={onOpen}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  )
}

/** The project's actions (milestones) and their tasks. */
export function ActionsPanel({ project, onChanged, openTaskId }: { project: ProjectDetail; onChanged(): Promise<void>; openTaskId: number | null }) {
  const { t } = useTranslation()
  const [editingAction, setEditingAction] = useState<ProjectAction | 'new' | null>(null)
  const [editingTask, setEditingTask] = useState<{ task: Task | null; actionId: number | null } | null>(() => {
    const task = openTaskId ? project.tasks.find((x) => x.id === openTaskId) : undefined
    return task ? { task, actionId: task.actionId } : null
  })
  const groups: { action: ProjectAction | null; tasks: Task[] }[] = [
    ...project.actions.map((action) => ({ action, tasks: project.tasks.filter((x) => x.actionId === action.id) })),
    { action: null, tasks: project.tasks.filter((x) => x.actionId === null) },
  ]

  async function setStatus(task: Task, status: TaskStatus) {
    try {
      await call('tasks.update', {
        id: task.id,
        actionId: task.actionId,
        title: task.title,
        description: task.description,
        assigneeMemberId: task.assigneeMemberId,
        dueOn: task.dueOn,
        status,
        checklist: task.checklist,
      })
      await onChanged()
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    }
  }

  return (
    <Stack>
      <Group>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditingAction('new')}>
          {t('actions.new')}
        </Button>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditingTask({ task: null, actionId: null })}>
          {t('tasks.new')}
        </Button>
      </Group>
      {project.actions.length === 0 && project.tasks.length === 0 && <Text c="dimmed">{t('actions.empty')}</Text>}
      {groups
        .filter((g) => g.action !== null || g.tasks.length > 0)
        .map(({ action, tasks }) => (
          <Paper key={action?.id ?? 'sans-action'} withBorder p="md" radius="md" aria-label={action?.title ?? t('actions.none')}>
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Title order={3} size="h5">
                  {action?.title ?? t('actions.none')}
                </Title>
                {action && (
                  <Badge variant="light" color={action.status === 'fait' ? 'green' : action.status === 'en_cours' ? 'marianne' : 'gray'} tt="none">
                    {ACTION_STATUS_LABELS[action.status]}
                  </Badge>
                )}
                {action?.dueOn && (
                  <Text size="sm" c="dimmed">
                    {t('actions.dueOn')} : {formatDate(action.dueOn)}
                  </Text>
                )}
              </Group>
              {action && (
                <Group gap={4}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setEditingTask({ task: null, actionId: action.id })}
                  >
                    {t('tasks.add')}
                  </Button>
                  <ActionIcon variant="subtle" aria-label={`${t('common.edit')} ${action.title}`} onClick={() => setEditingAction(action)}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${t('common.remove')} ${action.title}`}
                    onClick={() =>
                      confirmRemoval({
                        title: t('actions.removeTitle'),
                        message: t('actions.removeConfirm', { title: action.title }),
                        remove: () => call('actions.remove', { id: action.id }),
                        after: () => onChanged(),
                      })
                    }
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Group>
            {tasks.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tasks.none')}
              </Text>
            ) : (
              tasks.map((task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  onOpen={() => setEditingTask({ task, actionId: task.actionId })}
                  onStatus={(s) => setStatus(task, s)}
                />
              ))
            )}
          </Paper>
        ))}
      {editingAction !== null && (
        <ActionDialog
          project={project}
          action={editingAction === 'new' ? null : editingAction}
          onClose={() => setEditingAction(null)}
          onSaved={onChanged}
        />
      )}
      {editingTask !== null && (
        <TaskDialog
          project={project}
          task={editingTask.task ? (project.tasks.find((x) => x.id === editingTask.task!.id) ?? editingTask.task) : null}
          defaultActionId={editingTask.actionId}
          onClose={() => setEditingTask(null)}
          onSaved={onChanged}
        />
      )}
    </Stack>
  )
}
