import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconTransfer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ImportArchive } from '../data/ImportArchive'

/** On the wizard's first screen: the way in for a commune that already uses Cap Commune on another computer. */
export function OtherInstallationChoice({ onChoose }: { onChoose(): void }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" radius="md" mb="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{t('data.wizard.explain')}</Text>
        <Button variant="light" leftSection={<IconTransfer size={18} />} onClick={onChoose} style={{ flexShrink: 0 }}>
          {t('data.wizard.open')}
        </Button>
      </Group>
    </Paper>
  )
}

export function ImportFromOtherInstallation({ onBack, onImported }: { onBack(): void; onImported(): void }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" radius="md" shadow="xs">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('data.wizard.title')}
        </Title>
        <Text>{t('data.wizard.explain')}</Text>
        <ImportArchive replacesData={false} onImported={onImported} />
        <Group>
          <Button variant="default" onClick={onBack}>
            {t('data.wizard.back')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
