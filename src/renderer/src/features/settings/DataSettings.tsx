import { Alert, Anchor, Button, Code, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconDeviceFloppy, IconFileExport } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '@shared/contract'
import { formatBytes, formatDateTime } from '@shared/format'
import { call, errorMessage, transportKind } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { downloadUrl } from '../../api/transport'
import { FormError } from '../../components/FormError'
import { BackupList } from '../data/BackupList'
import { DataProgress } from '../data/DataProgress'
import { ImportArchive } from '../data/ImportArchive'
import { useDataProgress } from '../data/useDataProgress'
import { useLeaveGuard } from '../../components/GuardedModal'

type ExportResult = MethodOutput<'archive.export'>

/** Paramètres › Données: backups, the second location, restoring, and moving the commune to another computer. */
export function DataSettings() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const setSecondLocation = useApiMutation('backups.setSecondLocation')
  const app = useApiQuery('app.status', {})
  const status = useApiQuery('backups.status', {})
  const backups = useApiQuery('backups.list', {})
  const progress = useDataProgress(status.data?.running ?? null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'backup' | 'export' | 'restore' | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [exported, setExported] = useState<ExportResult | null>(null)
  const [editedPath, setSecondPath] = useState<string | null>(null)
  const [secondError, setSecondError] = useState<string | null>(null)
  const [secondNotice, setSecondNotice] = useState<string | null>(null)
  // A second-location path typed but not saved yet is not lost by leaving the page.
  useLeaveGuard(editedPath !== null && editedPath.trim() !== (status.data?.secondLocation?.path ?? ''))

  if (!status.data || !backups.data || !app.data) return <Loader />
  const s = status.data
  const secondPath = editedPath ?? s.secondLocation?.path ?? ''

  async function run<T>(kind: 'backup' | 'export' | 'restore', action: () => Promise<T>): Promise<T | undefined> {
    setError(null)
    setNotice(null)
    setBusy(kind)
    try {
      return await action()
    } catch (failure) {
      setError(errorMessage(failure))
      return undefined
    } finally {
      setBusy(null)
      await queryClient.invalidateQueries()
    }
  }

  async function backupNow() {
    if (await run('backup', () => call('backups.create', {}))) setNotice(t('data.status.done'))
  }

  async function exportCommune() {
    setExported(null)
    const result = await run('export', () => call('archive.export', {}))
    if (result && !result.cancelled) setExported(result)
  }

  async function saveSecond(path: string | null) {
    setSecondError(null)
    setSecondNotice(null)
    try {
      await setSecondLocation.mutateAsync({ path })
      setSecondNotice(path ? t('data.second.saved') : null)
      setSecondPath(null)
    } catch (failure) {
      setSecondError(errorMessage(failure))
    }
  }

  async function chooseFolder() {
    const chosen = await call('backups.chooseFolder', {}).catch(() => ({ path: null }))
    if (chosen.path) setSecondPath(chosen.path)
  }

  const running = progress !== null || busy !== null
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
              loading={busy === 'backup'}
              disabled={running && busy !== 'backup'}
            >
              {t('data.status.now')}
            </Button>
          </Group>
          {notice && (
            <Alert color="green" role="status">
              {notice}
            </Alert>
          )}
          <FormError message={error} />
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
          <Group align="flex-end">
            <TextInput
              label={t('data.second.label')}
              placeholder={t('data.second.placeholder')}
              value={secondPath}
              onChange={(event) => setSecondPath(event.currentTarget.value)}
              style={{ flex: 1 }}
              error={secondError ?? undefined}
            />
            {s.canChoose && (
              <Button variant="default" onClick={chooseFolder}>
                {t('data.second.choose')}
              </Button>
            )}
            <Button
              onClick={() => saveSecond(secondPath.trim() || null)}
              disabled={secondPath.trim() === '' || secondPath.trim() === s.secondLocation?.path}
            >
              {t('data.second.save')}
            </Button>
            {s.secondLocation && (
              <Button variant="subtle" color="red" onClick={() => saveSecond(null)}>
                {t('data.second.remove')}
              </Button>
            )}
          </Group>
          {secondNotice && <Alert color="green">{secondNotice}</Alert>}
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
            onRestore={(entry) =>
              run('restore', () => call('backups.restore', { id: entry.id })).then((r) => (r ? undefined : Promise.reject(new Error(error ?? ''))))
            }
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
              loading={busy === 'export'}
              disabled={running && busy !== 'export'}
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
