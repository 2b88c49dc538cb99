import { ActionIcon, Anchor, Button, FileButton, Group, Paper, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { commentAddInput, type ProjectDetail } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { base64FromFile, formatSize } from '../../lib/files'
import { formatDateTime } from '../../lib/format'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'
import { confirmRemoval } from '../../components/confirmRemoval'
import { CommentList } from '../../components/CommentList'
import { useStoredFileActions } from '../../components/useStoredFileActions'

/** Comments on the project and its documents (stored once, whatever the number of copies attached). */
export function ExchangesPanel({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const addComment = useApiMutation('comments.add')
  const attach = useApiMutation('attachments.add', { failure: 'notification' })
  const removeAttachment = useApiMutation('attachments.remove')
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: (body) => validateWith(commentAddInput, { projectId: project.id, body }).body ?? null },
  })
  const submit = useFormSubmit(form, ({ body }) => addComment.mutateAsync({ projectId: project.id, body }).then(() => form.reset()))
  useLeaveGuard(form.values.body.trim() !== '')
  const [uploading, setUploading] = useState(false)
  const comments = project.comments.filter((c) => c.taskId === null)
  const taskTitle = (taskId: number | null) => project.tasks.find((x) => x.id === taskId)?.title

  const { open, download } = useStoredFileActions('attachments')

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" aria-label={t('exchanges.comments')}>
        <Title order={3} size="h5" mb="sm">
          {t('exchanges.comments')}
        </Title>
        <CommentList comments={comments} empty={t('exchanges.noComment')} />
        <form noValidate onSubmit={submit.onSubmit}>
          <Group align="flex-end" mt="sm">
            <Textarea label={t('exchanges.newComment')} autosize minRows={2} {...form.getInputProps('body')} style={{ flex: 1 }} />
            <Button type="submit" disabled={!form.values.body.trim()} loading={submit.saving}>
              {t('exchanges.send')}
            </Button>
          </Group>
          <FormError message={submit.failure} />
        </form>
      </Paper>
      <Paper withBorder p="md" radius="md" aria-label={t('exchanges.documents')}>
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h5">
            {t('exchanges.documents')}
          </Title>
          <FileButton
            onChange={async (file) => {
              if (!file) return
              setUploading(true)
              try {
                await attach.mutateAsync({ projectId: project.id, fileName: file.name, contentBase64: await base64FromFile(file) })
              } catch {
                // Said in a notification by the mutation.
              } finally {
                setUploading(false)
              }
            }}
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={uploading}>
                {t('exchanges.attach')}
              </Button>
            )}
          </FileButton>
        </Group>
        {project.attachments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('exchanges.noDocument')}
          </Text>
        )}
        {project.attachments.map((a) => (
          <Group key={a.id} gap="xs">
            <IconPaperclip size={14} />
            <Tooltip label={t('exchanges.open')}>
              <Anchor component="button" type="button" size="sm" onClick={() => open(a.id)}>
                {a.fileName}
              </Anchor>
            </Tooltip>
            <Text size="xs" c="dimmed">
              {formatSize(a.size)} · {a.addedBy} · {formatDateTime(a.addedAt)}
              {a.taskId ? ` · ${taskTitle(a.taskId) ?? ''}` : ''}
            </Text>
            <Tooltip label={t('exchanges.download')}>
              <ActionIcon size="sm" variant="subtle" aria-label={`${t('exchanges.download')} ${a.fileName}`} onClick={() => download(a.id)}>
                <IconDownload size={14} />
              </ActionIcon>
            </Tooltip>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`${t('common.remove')} ${a.fileName}`}
              onClick={() =>
                confirmRemoval({
                  title: t('exchanges.removeTitle'),
                  message: t('exchanges.removeConfirm', { name: a.fileName }),
                  remove: () => removeAttachment.mutateAsync({ id: a.id }),
                })
              }
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
      </Paper>
    </Stack>
  )
}
