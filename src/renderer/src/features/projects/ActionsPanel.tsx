import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACTION_STATUS_LABELS,
  actionInputSchema,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type ProjectAction,
  type ProjectDetail,
  type Task,
  type TaskStatus,
} from '@shared/contract'
import type { z } from 'zod'
import { useApiMutation } from '../../api/hooks'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { FormActions } from '../../components/FormActions'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { formatDate } from '../../lib/format'
import { useFormSubmit, type FormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'
import { TASK_STATUS_COLORS } from './labels'
import { TaskDialog } from './TaskDialog'
import { confirmRemoval } from '../../components/confirmRemoval'

type ActionValues = Required<Omit<z.input<typeof actionInputSchema>, 'projectId'>>

function ActionDialog({ project, action, onClose }: { project: ProjectDetail; action: ProjectAction | null; onClose(): void }) {
  const { t } = useTranslation()
  const create = useApiMutation('actions.create')
  const update = useApiMutation('actions.update')
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: {
      title: action?.title ?? '',
      description: action?.description ?? '',
      startOn: action?.startOn ?? null,
      dueOn: action?.dueOn ?? null,
      status: action?.status ?? 'a_faire',
    },
    validate: (values) => validateWith(actionInputSchema, { ...values, projectId: project.id }),
  })
  const submit = useFormSubmit(
    form,
    (values) => (action ? update.mutateAsync({ ...values, id: action.id }) : create.mutateAsync({ ...values, projectId: project.id })),
    onClose,
  )
  return (
    <GuardedModal opened onClose={onClose} title={action ? t('actions.edit') : t('actions.new')}>
      <ActionFields form={form} submit={submit} submitLabel={action ? t('common.save') : t('actions.create')} />
    </GuardedModal>
  )
}

function ActionFields({ form, submit, submitLabel }: { form: UseFormReturnType<ActionValues>; submit: FormSubmit; submitLabel: string }) {
  const { t } = useTranslation()
  const cancel = useDiscardGuard(form.isDirty(), () => undefined)
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput label={t('actions.title')} required {...form.getInputProps('title')} data-autofocus />
        <Group grow>
          <FrenchDateInput
            label={t('actions.startOn')}
            value={form.values.startOn}
            onChange={(v) => form.setFieldValue('startOn', v)}
            error={form.errors.startOn}
          />
          <FrenchDateInput
            label={t('actions.dueOn')}
            value={form.values.dueOn}
            onChange={(v) => form.setFieldValue('dueOn', v)}
            error={form.errors.dueOn}
          />
        </Group>
        <Select
          label={t('actions.status')}
          data={Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          {...form.getInputProps('status')}
          allowDeselect={false}
        />
        <FormActions submit={submit} submitLabel={submitLabel} onCancel={cancel} />
      </Stack>
    </form>
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
export function ActionsPanel({ project, openTaskId }: { project: ProjectDetail; openTaskId: number | null }) {
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

  const updateTask = useApiMutation('tasks.update', { failure: 'notification' })
  const removeAction = useApiMutation('actions.remove')
  const setStatus = (task: Task, status: TaskStatus) =>
    updateTask.mutate({
      id: task.id,
      actionId: task.actionId,
      title: task.title,
      description: task.description,
      assigneeMemberId: task.assigneeMemberId,
      dueOn: task.dueOn,
      status,
      checklist: task.checklist,
    })

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
                        remove: () => removeAction.mutateAsync({ id: action.id }),
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
        <ActionDialog project={project} action={editingAction === 'new' ? null : editingAction} onClose={() => setEditingAction(null)} />
      )}
      {editingTask !== null && (
        <TaskDialog
          project={project}
          task={editingTask.task ? (project.tasks.find((x) => x.id === editingTask.task!.id) ?? editingTask.task) : null}
          defaultActionId={editingTask.actionId}
          onClose={() => setEditingTask(null)}
        />
      )}
    </Stack>
  )
}
