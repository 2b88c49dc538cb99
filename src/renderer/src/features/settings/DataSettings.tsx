import { Alert, Anchor, Button, Code, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconDeviceFloppy, IconFileExport } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '@shared/contract'
import { formatBytes, formatDateTime } from '@shared/format'
import { call, transportKind } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { downloadUrl } from '../../api/transport'
import { FormError } from '../../components/FormError'
import { useFormSubmit } from '../../lib/use-form-submit'
import { BackupList } from '../data/BackupList'
import { DataProgress } from '../data/DataProgress'
import { ImportArchive } from '../data/ImportArchive'
import { useDataProgress } from '../data/useDataProgress'
import { useLeaveGuard } from '../../components/GuardedModal'

type ExportResult = MethodOutput<'archive.export'>

/** The second location: a folder (a USB key, a network share) that receives a copy of every backup. */
function SecondLocationForm({ saved, canChoose }: { saved: string | null; canChoose: boolean }) {
  const { t } = useTranslation()
  const save = useApiMutation('backups.setSecondLocation')
  const form = useForm({ mode: 'controlled', initialValues: { path: saved ?? '' } })
  const [notice, setNotice] = useState<string | null>(null)
  const typed = form.values.path.trim()
  // A path typed but not saved yet is not lost by leaving the page.
  useLeaveGuard(typed !== (saved ?? ''))
  const submit = useFormSubmit(form, async ({ path }) => {
    setNotice(null)
    await save.mutateAsync({ path: path.trim() })
    form.setValues({ path: path.trim() })
    setNotice(t('data.second.saved'))
  })

  async function remove() {
    setNotice(null)
    form.clearErrors()
    try {
      await save.mutateAsync({ path: null })
      form.setInitialValues({ path: '' })
      form.reset()
    } catch {
      // Shown under the field (save.error).
    }
  }

  async function chooseFolder() {
    // Only opens the system's folder dialog: nothing is written until « Enregistrer ».
    const chosen = await call('backups.chooseFolder', {}).catch(() => ({ path: null }))
    if (chosen.path) form.setFieldValue('path', chosen.path)
  }

  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput
            label={t('data.second.label')}
            placeholder={t('data.second.placeholder')}
            {...form.getInputProps('path')}
            style={{ flex: 1 }}
            error={form.errors.path ?? save.error?.message}
          />
          {canChoose && (
            <Button variant="default" onClick={chooseFolder}>
              {t('data.second.choose')}
            </Button>
          )}
          <Button type="submit" loading={submit.saving} disabled={typed === '' || typed === saved}>
            {t('data.second.save')}
          </Button>
          {saved !== null && (
            <Button variant="subtle" color="red" onClick={remove}>
              {t('data.second.remove')}
            </Button>
          )}
        </Group>
        {notice && <Alert color="green">{notice}</Alert>}
      </Stack>
    </form>
  )
}

/** Paramètres › Données: backups, the second location, restoring, and moving the commune to another computer. */
export function DataSettings() {
  const { t } = useTranslation()
  const app = useApiQuery('app.status', {})
  const status = useApiQuery('backups.status', {})
  const backups = useApiQuery('backups.list', {})
  const progress = useDataProgress(status.data?.running ?? null)
  // Their steps come as `progress` events (useDataProgress); a failed backup or restore is recorded in the status.
  const backup = useApiMutation('backups.create', { refreshAfterFailure: true })
  const exporter = useApiMutation('archive.export')
  const restore = useApiMutation('backups.restore', { refreshAfterFailure: true })
  const [notice, setNotice] = useState<string | null>(null)
  const [exported, setExported] = useState<ExportResult | null>(null)

  if (!status.data || !backups.data || !app.data) return <Loader />
  const s = status.data
  const operations = [backup, exporter, restore]
  // One message at a time: the failure of the last operation started.
  const failure = operations.find((operation) => operation.isError)?.error.message ?? null

  function start() {
    setNotice(null)
    for (const operation of operations) operation.reset()
  }

  async function backupNow() {
    start()
    if (await backup.mutateAsync({}).catch(() => null)) setNotice(t('data.status.done'))
  }

  async function exportCommune() {
    start()
    setExported(null)
    const result = await exporter.mutateAsync({}).catch(() => null)
    if (result && !result.cancelled) setExported(result)
  }

  const running = progress !== null || operations.some((operation) => operation.isPending)
  return (
    <Stack gap="lg">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('data.status.title')}
          </Title>
          <Text size="sm">{t('data.status.explain')}</Text>
          {s.latest ? (
            <Text fw={600}>{t('data.status.latest', { date: formatDateTime(s.latest.createdAt), size: formatBytes(s.latest.size) })}</Text>
          ) : (
            <Text fw={600}>{t('data.status.none')}</Text>
          )}
          {s.lastFailure && (
            <Alert color="red" role="alert">
              {t('data.status.failure', { date: formatDateTime(s.lastFailure.at), message: s.lastFailure.message })}
            </Alert>
          )}
          {progress && <DataProgress progress={progress} />}
          <Group>
            <Button
              leftSection={<IconDeviceFloppy size={18} />}
              onClick={backupNow}
              loading={backup.isPending}
              disabled={running && !backup.isPending}
            >
              {t('data.status.now')}
            </Button>
          </Group>
          {notice && (
            <Alert color="green" role="status">
              {notice}
            </Alert>
          )}
          <FormError message={failure} />
          <Text size="sm">{t('data.status.folder')}</Text>
          <Code block>{s.folder}</Code>
          <Text size="sm" c="dimmed">
            {t('data.status.used', { size: formatBytes(s.usedBytes) })} {t('settings.data.version', { version: app.data.version })}
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('data.second.title')}
          </Title>
          <Text size="sm">{t('data.second.explain')}</Text>
          {s.secondLocation ? (
            <Text size="sm">
              {s.secondLocation.lastCopyAt
                ? t('data.second.lastCopy', { date: formatDateTime(s.secondLocation.lastCopyAt) })
                : t('data.second.never')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('data.second.none')}
            </Text>
          )}
          {s.secondLocation?.lastProblem && <Alert color="orange">{t('data.second.problem', { message: s.secondLocation.lastProblem })}</Alert>}
          <SecondLocationForm saved={s.secondLocation?.path ?? null} canChoose={s.canChoose} />
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('data.list.title')}
          </Title>
          <BackupList
            backups={backups.data}
            disabled={running}
            onRestore={(entry) => {
              start()
              return restore.mutateAsync({ id: entry.id })
            }}
          />
        </Stack>
      </Paper>

      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('data.move.title')}
          </Title>
          <Alert color="blue">{t('data.move.explain')}</Alert>
          <Group>
            <Button
              leftSection={<IconFileExport size={18} />}
              onClick={exportCommune}
              loading={exporter.isPending}
              disabled={running && !exporter.isPending}
            >
              {t('data.move.export')}
            </Button>
          </Group>
          {exported && (
            <Alert color="green" role="status">
              <Stack gap={4}>
                <Text>{t('data.move.exported', { name: exported.fileName, size: formatBytes(exported.size) })}</Text>
                {exported.savedTo && <Text size="sm">{t('data.move.savedTo', { path: exported.savedTo })}</Text>}
                {exported.downloadUrl && transportKind() === 'browser' && (
                  <Anchor href={downloadUrl(exported.downloadUrl)} download={exported.fileName}>
                    {t('data.move.download', { name: exported.fileName })}
                  </Anchor>
                )}
              </Stack>
            </Alert>
          )}
          <Text size="sm" mt="sm">
            {t('data.move.importExplain')}
          </Text>
          <ImportArchive replacesData />
          <Text size="sm">{t('settings.data.folder')}</Text>
          <Code block>{app.data.dataDir}</Code>
        </Stack>
      </Paper>
    </Stack>
  )
}
