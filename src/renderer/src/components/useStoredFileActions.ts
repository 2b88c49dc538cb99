import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../api/client'
import { openOrDownload, saveReceivedFile } from '../lib/files'

/**
 * Opening (system viewer in the Electron app, else a download) and downloading a stored file: a project document
 * or a piece of evidence. A refusal (file gone, no application for it) shows as a notice instead of failing silently.
 */
export function useStoredFileActions(kind: 'attachments' | 'evidence') {
  const { t } = useTranslation()
  async function withNotice(run: () => Promise<void>) {
    try {
      await run()
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    }
  }
  const get = (id: number) => (kind === 'attachments' ? call('attachments.get', { id }) : call('evidence.get', { id }))
  return {
    open: (id: number) =>
      withNotice(() =>
        openOrDownload(
          () => (kind === 'attachments' ? call('attachments.open', { id }) : call('evidence.open', { id })),
          () => get(id),
        ),
      ),
    download: (id: number) => withNotice(async () => saveReceivedFile(await get(id))),
  }
}
