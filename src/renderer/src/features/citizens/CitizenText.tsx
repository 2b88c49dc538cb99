import { Alert, Anchor, Stack, Text, type TextProps } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconExternalLink, IconLanguage } from '@tabler/icons-react'
import { Fragment, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { isPunycodeHost } from '@shared/links'
import { call, errorMessage } from '../../api/client'
import { i18n } from '../../i18n'
import { platform } from '../../platform'
import { splitLinks } from './citizen-links'
import classes from './CitizenText.module.css'

/**
 * A citizen's text, untrusted: rendered as React text (never HTML, never markdown), line breaks kept, long words
 * broken. With `links`, its https addresses become buttons that show the exact address and ask before opening it;
 * without (a list row, itself one big button), nothing a citizen wrote can be clicked.
 */
export function CitizenText({ children, links = false, className, ...props }: TextProps & { children: string; links?: boolean }) {
  const parts = useMemo(() => (links ? splitLinks(children) : null), [children, links])
  return (
    <Text {...props} className={className ? `${classes.text} ${className}` : classes.text}>
      {parts
        ? parts.map((part, index) => <Fragment key={index}>{part.url ? <CitizenLink text={part.text} url={part.url} /> : part.text}</Fragment>)
        : children}
    </Text>
  )
}

/** The link as the citizen wrote it; a button, not an <a href>: no middle click or drag can open it unconfirmed. */
function CitizenLink({ text, url }: { text: string; url: URL }) {
  const { t } = useTranslation()
  return (
    <Anchor
      component="button"
      type="button"
      inherit
      underline="always"
      className={classes.link}
      aria-haspopup="dialog"
      title={t('citizens.link.hint')}
      onClick={() => confirmCitizenLink(url)}
    >
      {text}
      <IconExternalLink size="1em" aria-hidden className={classes.linkIcon} />
    </Anchor>
  )
}

/** Asks before a citizen's link opens: the whole address as it will open, its site in bold, and why to be careful. */
export function confirmCitizenLink(url: URL): void {
  modals.openConfirmModal({
    title: i18n.t('citizens.link.title'),
    size: 'lg',
    children: <LinkConfirmation url={url} />,
    labels: { confirm: i18n.t('citizens.link.open'), cancel: i18n.t('common.cancel') },
    onConfirm: () => void openLink(url.href),
  })
}

/**
 * The main process checks the link again and opens it in the system browser (Electron); the browser host has none to
 * call, so the page opens it in a new tab.
 */
async function openLink(href: string): Promise<void> {
  try {
    const { opened } = await call('app.openLink', { url: href })
    if (!opened) platform.openInNewTab(href)
  } catch (error) {
    notifications.show({ color: 'red', title: i18n.t('citizens.link.failed'), message: errorMessage(error) })
  }
}

function LinkConfirmation({ url }: { url: URL }) {
  const { t } = useTranslation()
  // The href is « https:// », the host (in ASCII), then the rest: only the host is emphasised.
  const start = `https://${url.host}`
  const rest = url.href.startsWith(start) ? url.href.slice(start.length) : null
  return (
    <Stack gap="sm">
      <Text size="sm">{t('citizens.link.address')}</Text>
      <div className={classes.address}>
        {rest === null ? (
          url.href
        ) : (
          <>
            https://<span className={classes.host}>{url.host}</span>
            {rest}
          </>
        )}
      </div>
      <Text size="sm">
        {t('citizens.link.site')} <strong>{url.hostname}</strong>
      </Text>
      {isPunycodeHost(url) && (
        <Alert color="orange" icon={<IconLanguage size={20} aria-hidden />}>
          {t('citizens.link.foreignLetters')}
        </Alert>
      )}
      <Alert color="yellow" title={t('citizens.link.warningTitle')} icon={<IconAlertTriangle size={20} aria-hidden />}>
        {t('citizens.link.warning')}
      </Alert>
    </Stack>
  )
}
