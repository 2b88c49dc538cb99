import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DirectoryCommune } from '@shared/contract'
import { CommuneFacts } from '../../components/CommuneFacts'
import { CommuneSearch } from './CommuneSearch'

export function CommuneStep({ commune, onChange }: { commune: DirectoryCommune | null; onChange(commune: DirectoryCommune | null): void }) {
  const { t } = useTranslation()
  if (!commune) {
    return (
      <Stack>
        <Text>{t('setup.commune.explain')}</Text>
        <CommuneSearch onChoose={onChange} autoFocus />
      </Stack>
    )
  }
  return (
    <Stack>
      <Text>{t('setup.commune.chosen')}</Text>
      <Card withBorder padding="lg" aria-label={t('setup.commune.chosenCard')}>
        <Group justify="space-between" mb="md">
          <Title order={2}>{commune.name}</Title>
          <Button variant="light" onClick={() => onChange(null)}>
            {t('setup.commune.change')}
          </Button>
        </Group>
        <CommuneFacts commune={commune} />
      </Card>
      <Text size="sm" c="dimmed">
        {t('setup.commune.source')}
      </Text>
    </Stack>
  )
}
