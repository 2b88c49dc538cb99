import { Anchor, Group, Stack, Text, type MantineSize } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { LegalReference } from '@shared/referentiel/schema'
import { legalReferenceLabel } from '@shared/referentiel/legal'
import { formatDate } from '../lib/format'

/**
 * Each legal reference with its official text and the day it was last checked. The link opens in the system
 * browser in Electron (https links leave the app only that way) and in a new tab in the browser host. A link that opens
 * the whole code, not the article, says so.
 */
export function LegalSources({ references }: { references: LegalReference[] }) {
  const { t } = useTranslation()
  if (references.length === 0) return null
  return (
    <Stack gap={2} aria-label={t('referentiel.sources')}>
      {references.map((r) => (
        <Group key={`${r.code}-${r.article}`} gap={6} wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('referentiel.legalBasis')} : {legalReferenceLabel(r)}
          </Text>
          <LegalLink reference={r} />
          <Text size="xs" c="dimmed">
            · {t('referentiel.checkedOn', { date: formatDate(r.checkedOn) })}
          </Text>
          {r.note && (
            <Text size="xs" c="orange.9" w="100%">
              {t('referentiel.checkNote')} : {r.note}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  )
}

/**
 * The link to a reference's official text: « Texte officiel », or « Lien vers le code » when it opens the whole code
 * (the article is then looked up by its number there).
 */
export function LegalLink({ reference: r, size = 'xs' }: { reference: LegalReference; size?: MantineSize }) {
  const { t } = useTranslation()
  return (
    <Anchor
      size={size}
      href={r.url}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={
        r.linksTo === 'code' ? t('referentiel.openCode', { article: r.article }) : t('referentiel.openSource', { reference: legalReferenceLabel(r) })
      }
    >
      <Group gap={2} wrap="nowrap" component="span">
        {t(r.linksTo === 'code' ? 'referentiel.codeLink' : 'referentiel.officialText')}
        <IconExternalLink size={12} aria-hidden />
      </Group>
    </Anchor>
  )
}
