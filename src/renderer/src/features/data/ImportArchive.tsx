import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DataSummary } from '@shared/contract'
import { formatBytes, formatDate, formatDateTime } from '@shared/format'
import { call, errorMessage, transportKind } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { uploadFile } from '../../api/transport'
import { FormError } from '../../components/FormError'
import { DataProgress } from './DataProgress'
import { useDataProgress } from './useDataProgress'

interface Prepared {
  token: string
  summary: DataSummary
}

/**
 * Choose a .capcommune file (a dialog in the Electron app, the browser's file picker otherwise), have it checked
 * whole by the main process, show what it holds, then import it on confirmation.
 */
export function ImportArchive({ onImported, replacesData }: { onImported?: () => void; replacesData: boolean }) {
  const { t } = useTranslation()
  const importArchive = useApiMutation('archive.import')
  const progress = useDataProgress()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [prepared, setPrepared] = useState<Prepared | null>(null)

  async function prepare(file: { fileId: string; fileName: string } | null) {
    if (!file) return
    setBusy(true)
    try {
      setPrepared(await call('archive.prepare', { fileId: file.fileId }))
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  async function chooseInApp() {
    setError(null)
    try {
      await prepare(await call('archive.chooseFile', {}))
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  async function upload(file: File | null) {
    if (!file) return
    setError(null)
    setBusy(true)
    const result = await uploadFile(file)
    setBusy(false)
    if (!result.ok) setError(result.error.message)
    else await prepare(result.value)
  }

  async function confirm() {
    if (!prepared) return
    setBusy(true)
    setError(null)
    try {
      await importArchive.mutateAsync({ token: prepared.token })
      setPrepared(null)
      onImported?.()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  async function cancel() {
    if (prepared) await call('archive.cancel', { token: prepared.token }).catch(() => undefined)
    setPrepared(null)
  }

  const s = prepared?.summary
  return (
    <Stack gap="sm">
      {!prepared && (
        <Group>
          {transportKind() === 'electron' ? (
            <Button leftSection={<IconFileImport size={18} />} onClick={chooseInApp} loading={busy}>
              {t('data.import.choose')}
            </Button>
          ) : (
            <FileButton onChange={upload} accept=".capcommune">
              {(props) => (
                <Button {...props} leftSection={<IconFileImport size={18} />} loading={busy}>
                  {t('data.import.choose')}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
      )}
      {busy && progress && (progress.operation === 'import' || progress.operation === 'backup') && <DataProgress progress={progress} />}
      {s && (
        <Alert color="green" title={t('data.import.ready')}>
          <Stack gap={4}>
            <Text>
              {t('data.import.summary', { commune: s.communeName ?? '—', date: formatDateTime(s.createdAt), by: s.madeBy, version: s.appVersion })}
            </Text>
            <Text>
              {t('data.import.content', {
                projects: s.projects,
                campaigns: s.campaigns,
                documents: s.documents,
                members: s.members,
                size: formatBytes(s.size),
              })}
            </Text>
            {s.lastChange && <Text size="sm">{t('data.list.lastChange', { date: formatDate(s.lastChange.at), by: s.lastChange.by })}</Text>}
            {replacesData && <Text fw={600}>{t('data.import.replaceWarning')}</Text>}
            <Group mt="xs">
              <Button onClick={confirm} loading={busy}>
                {t('data.import.confirm')}
              </Button>
              <Button variant="default" onClick={cancel} disabled={busy}>
                {t('data.import.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <FormError message={error} />
    </Stack>
  )
}
