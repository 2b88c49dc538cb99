import { Button, Loader, PasswordInput, Paper, Stack, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { useTranslation } from 'react-i18next'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { PasswordForm } from './PasswordForm'

export function MyProfileSettings() {
  const { t } = useTranslation()
  const session = useApiQuery('session.get', {})
  const setPassword = useApiMutation('profiles.setPassword', { success: t('profiles.passwordSaved') })
  const removePassword = useApiMutation('profiles.setPassword', { failure: 'notification' })
  const profile = session.data?.profile
  if (!profile) return <Loader />
  // Changing one's own password needs the current one, administrators included (a PC left open must not be enough).
  const askCurrent = profile.hasPassword

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} size="h3">
          {profile.displayName}
        </Title>
        <Text c="dimmed">{profile.isAdmin ? t('profiles.adminExplain') : t('profiles.userExplain')}</Text>
        <Title order={3} size="h4">
          {profile.hasPassword ? t('profiles.changePassword') : t('profiles.addPassword')}
        </Title>
        <PasswordForm
          askCurrent={askCurrent}
          submitLabel={t('common.save')}
          onSubmit={({ currentPassword, newPassword }) => setPassword.mutateAsync({ id: profile.id, currentPassword, newPassword })}
        />
        {profile.hasPassword && profile.isAdmin && (
          <Button
            variant="subtle"
            color="red"
            w="fit-content"
            onClick={() => {
              let currentPassword = ''
              modals.openConfirmModal({
                title: t('profiles.removePassword'),
                children: (
                  <Stack gap="sm">
                    <Text>{t('profiles.removePasswordConfirm')}</Text>
                    <PasswordInput
                      label={t('profiles.currentPassword')}
                      onChange={(event) => (currentPassword = event.currentTarget.value)}
                      data-autofocus
                    />
                  </Stack>
                ),
                labels: { confirm: t('profiles.removePassword'), cancel: t('common.cancel') },
                confirmProps: { color: 'red' },
                onConfirm: () => removePassword.mutate({ id: profile.id, currentPassword, newPassword: null }),
              })
            }}
          >
            {t('profiles.removePassword')}
          </Button>
        )}
      </Stack>
    </Paper>
  )
}
