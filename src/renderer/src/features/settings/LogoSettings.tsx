import { Box, Button, Center, FileButton, Group, Image, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPhoto, IconUpload } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_LOGO_BYTES } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { RemoveButton } from '../../components/RemoveButton'
import { FormError } from '../../components/FormError'
import { base64FromFile } from '../../lib/files'

const ACCEPTED = ['image/png', 'image/jpeg']

/** The commune's logo or coat of arms, printed on the reports; an administrator chooses or removes it. */
export function LogoSettings({ canEdit, communeName }: { canEdit: boolean; communeName: string }) {
  const { t } = useTranslation()
  const logo = useApiQuery('logo.get', {})
  const save = useApiMutation('logo.set')
  const removeLogo = useApiMutation('logo.remove')
  const [error, setError] = useState<string | null>(null)
  const resetRef = useRef<() => void>(null)

  async function choose(file: File | null) {
    resetRef.current?.()
    if (!file) return
    setError(null)
    // Checked here for a quick answer; the core decodes the image and has the last word.
    if (file.type && !ACCEPTED.includes(file.type)) return setError(t('settings.logo.wrongType'))
    if (file.size > MAX_LOGO_BYTES) return setError(t('settings.logo.tooBig'))
    try {
      await save.mutateAsync({ fileName: file.name, contentBase64: await base64FromFile(file) })
      notifications.show({ color: 'green', message: t('settings.logo.saved') })
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <Paper component="section" withBorder p="lg" radius="md" aria-labelledby="logo-settings-title">
      <Title order={2} size="h3" mb={4} id="logo-settings-title">
        {t('settings.logo.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('settings.logo.explain')}
      </Text>
      {logo.isError ? (
        <FormError message={logo.error.message} />
      ) : logo.isPending ? (
        <Loader size="sm" />
      ) : (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Box
            w={180}
            h={140}
            bd="1px solid var(--mantine-color-gray-3)"
            bg="white"
            p="sm"
            style={{ borderRadius: 'var(--mantine-radius-md)', flexShrink: 0 }}
          >
            {logo.data ? (
              <Image
                src={`data:${logo.data.mimeType};base64,${logo.data.contentBase64}`}
                alt={t('settings.logo.alt', { name: communeName })}
                w="100%"
                h="100%"
                fit="contain"
              />
            ) : (
              <Center h="100%" c="gray.5">
                <IconPhoto size={48} stroke={1.2} aria-hidden />
              </Center>
            )}
          </Box>
          <Stack gap="sm" style={{ flex: 1, minWidth: 240 }}>
            {logo.data ? (
              <Text size="sm">
                <Text span fw={500}>
                  {logo.data.fileName}
                </Text>{' '}
                <Text span c="dimmed">
                  · {t('settings.logo.size', { width: logo.data.width, height: logo.data.height })}
                </Text>
              </Text>
            ) : (
              <Text size="sm">{t('settings.logo.none')}</Text>
            )}
            {canEdit ? (
              <>
                <Text size="sm" c="dimmed">
                  {t('settings.logo.formats')}
                </Text>
                <Group gap="sm">
                  <FileButton onChange={choose} accept={ACCEPTED.join(',')} resetRef={resetRef}>
                    {(props) => (
                      <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={save.isPending}>
                        {t('settings.logo.choose')}
                      </Button>
                    )}
                  </FileButton>
                  {logo.data && (
                    <RemoveButton
                      removal={{
                        title: t('settings.logo.removeTitle'),
                        message: t('settings.logo.removeConfirm'),
                        remove: () => removeLogo.mutateAsync({}),
                        removed: () => {
                          setError(null)
                          notifications.show({ color: 'green', message: t('settings.logo.removed') })
                        },
                      }}
                    >
                      {t('settings.logo.remove')}
                    </RemoveButton>
                  )}
                </Group>
                <FormError message={error} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('settings.logo.readOnly')}
              </Text>
            )}
          </Stack>
        </Group>
      )}
    </Paper>
  )
}
