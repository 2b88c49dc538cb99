import { Alert, Anchor, Avatar, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { AppStatus } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import classes from './ProfilePicker.module.css'

type ProfileChoice = AppStatus['profiles'][number]

/** "Who is using Cap Commune?" — the chosen profile signs every change. */
export function ProfilePicker({ profiles }: { profiles: ProfileChoice[] }) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<ProfileChoice | null>(null)
  const [password, setPassword] = useState('')
  const [forgotten, setForgotten] = useState(false)
  const open = useApiMutation('session.open')

  function choose(profile: ProfileChoice) {
    open.reset()
    setPassword('')
    setForgotten(false)
    if (profile.hasPassword) setChosen(profile)
    else open.mutate({ profileId: profile.id })
  }

  return (
    <Center mih="100%" p="xl" className={classes.page}>
      <Paper withBorder shadow="sm" p="xl" radius="md" w={480}>
        <Title order={1} size="h2" mb="xs">
          {t('session.whoTitle')}
        </Title>
        <Text c="dimmed" mb="lg">
          {t('session.whoExplain')}
        </Text>
        {!chosen ? (
          <Stack gap="xs" role="list" aria-label={t('session.profiles')}>
            {profiles.map((profile) => (
              <UnstyledButton key={profile.id} className={classes.choice} onClick={() => choose(profile)} role="listitem">
                <Group justify="space-between">
                  <Group gap="sm">
                    <Avatar color="marianne" radius="xl">
                      {profile.displayName.slice(0, 1).toUpperCase()}
                    </Avatar>
                    <Text fw={600}>{profile.displayName}</Text>
                  </Group>
                  {profile.hasPassword && <IconLock size={16} aria-label={t('session.protected')} />}
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              open.mutate({ profileId: chosen.id, password })
            }}
          >
            <Stack>
              <Text>{t('session.passwordFor', { name: chosen.displayName })}</Text>
              <PasswordInput
                label={t('session.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoFocus
                autoComplete="current-password"
              />
              {forgotten ? (
                <Alert role="note" variant="light" title={t('session.forgotten')}>
                  {forgottenHelp(chosen, profiles, t)}
                </Alert>
              ) : (
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setForgotten(true)}>
                  {t('session.forgotten')}
                </Anchor>
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setChosen(null)}>
                  {t('common.back')}
                </Button>
                <Button type="submit" loading={open.isPending}>
                  {t('session.open')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        <Stack mt="md">
          <FormError message={open.error?.message ?? null} />
        </Stack>
      </Paper>
    </Center>
  )
}

/** Who can replace a forgotten password: the other administrators, by name. */
function forgottenHelp(chosen: ProfileChoice, profiles: ProfileChoice[], t: TFunction): string {
  const others = profiles.filter((p) => p.isAdmin && p.id !== chosen.id).map((p) => p.displayName)
  if (others.length > 0) return t('session.forgottenByAdmins', { names: new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(others) })
  return chosen.isAdmin ? t('session.forgottenOnlyAdmin') : t('session.forgottenNoAdmin')
}
