import { Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconMessageCircleQuestion, IconSparkles } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { formatInteger } from '../../lib/format'
import { CitizensSyncLine } from './CitizensSyncLine'
import classes from './CitizensPage.module.css'

/**
 * The home page's « Citoyens » part: the sync line, then what waits for the mairie — the new contributions and the ones
 * without an answer, each opening the Citoyens page with that filter. Nothing while the commune is not connected and
 * has received nothing.
 */
export function CitizensHome() {
  const { t } = useTranslation()
  const status = useApiQuery('citizens.syncStatus', {})
  if (!status.data || (!status.data.connected && status.data.total === 0)) return null
  const { unseen, unanswered } = status.data
  const tiles = [
    { key: 'unseen', count: unseen, to: '/citoyens?nouvelles=1', Icon: IconSparkles, color: 'blue' },
    { key: 'unanswered', count: unanswered, to: '/citoyens?sans-reponse=1', Icon: IconMessageCircleQuestion, color: 'orange' },
  ] as const
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="citizens-home-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="citizens-home-title">
          {t('citizens.home.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {tiles.map(({ key, count, to, Icon, color }) => (
            <UnstyledButton
              key={key}
              component={Link}
              to={to}
              className={classes.count}
              style={{ borderLeftColor: `var(--mantine-color-${count > 0 ? color : 'gray'}-6)` }}
              aria-label={t(`citizens.home.${key}`, { count, formatted: formatInteger(count) })}
            >
              <Group gap="sm" wrap="nowrap">
                <Icon size={22} aria-hidden color={`var(--mantine-color-${count > 0 ? color : 'gray'}-6)`} />
                <Stack gap={0}>
                  <Text size="lg" fw={700} lh={1.2}>
                    {formatInteger(count)}
                  </Text>
                  <Text size="sm">{t(`citizens.home.${key}Label`, { count })}</Text>
                </Stack>
              </Group>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        <CitizensSyncLine />
      </Stack>
    </Paper>
  )
}
