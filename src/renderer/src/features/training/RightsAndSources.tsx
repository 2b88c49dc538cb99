import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconExternalLink } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TrainingContent } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { LegalLink, LegalSources } from '../../components/LegalSources'
import { formatDate } from '../../lib/format'
import { legalReferenceLabel } from '../referentiel/labels'

/** The élus' rights in plain French, the legal figures with their texts, the public sources and the catalogue of themes. */
export function RightsAndSources({ content }: { content: TrainingContent }) {
  const { t } = useTranslation()
  const referentiel = useApiQuery('referentiel.get', {})
  const domainTitle = (id: string) => referentiel.data?.domains.find((d) => d.id === id)?.title ?? id
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {content.rights.map((right) => (
          <Paper key={right.id} withBorder p="md" radius="md" aria-label={right.title}>
            <Title order={2} size="h5" mb={4}>
              {right.title}
            </Title>
            <Text size="sm">{right.text}</Text>
            {right.link && (
              <Anchor href={right.link.url} target="_blank" rel="noreferrer" size="sm">
                {right.link.label} <IconExternalLink size={12} />
              </Anchor>
            )}
            <LegalSources references={right.legalBasis} />
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" aria-label={t('training.sources.rules')}>
        <Title order={2} size="h4" mb="xs">
          {t('training.sources.rules')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('training.sources.checkedOn', { date: formatDate(content.checkedOn) })}
        </Text>
        <Stack gap="sm">
          {content.ruleSources.map((rule) => (
            <Stack key={rule.rule} gap={2}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {rule.label}
                </Text>
                {!rule.confirmed && (
                  <Badge color="orange" variant="light" tt="none" size="sm">
                    {t('training.sources.unconfirmed')}
                  </Badge>
                )}
              </Group>
              {rule.legalBasis.map((ref) => (
                <Text key={`${ref.code}-${ref.article}`} size="sm">
                  <Text span fw={700} size="sm">
                    {legalReferenceLabel(ref)}
                  </Text>{' '}
                  — {ref.summary}
                  {ref.note && (
                    <Text span size="xs" c="orange.9">
                      {' '}
                      ({ref.note})
                    </Text>
                  )}{' '}
                  <LegalLink reference={ref} size="sm" />
                </Text>
              ))}
              {rule.note && (
                <Text size="xs" c="dimmed">
                  {rule.note}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      </Paper>

      <Paper withBorder p="md" radius="md" aria-label={t('training.sources.title')}>
        <Title order={2} size="h4" mb="xs">
          {t('training.sources.title')}
        </Title>
        <List spacing="xs">
          {content.sources.map((source) => (
            <List.Item key={source.url}>
              <Anchor href={source.url} target="_blank" rel="noreferrer">
                {source.title}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                — {source.publisher}
              </Text>
              <Text size="sm">{source.description}</Text>
            </List.Item>
          ))}
        </List>
      </Paper>

      <Paper withBorder p="md" radius="md" aria-label={t('training.catalogue.title')}>
        <Title order={2} size="h4" mb={4}>
          {t('training.catalogue.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('training.catalogue.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {content.catalogue.map((entry) => (
            <Stack key={entry.domainId} gap={2}>
              <Text fw={600} size="sm">
                {domainTitle(entry.domainId)}
              </Text>
              {entry.themes.map((theme) => (
                <Text key={theme.title} size="sm">
                  <b>{theme.title}</b> — {theme.description}
                </Text>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Paper>
    </Stack>
  )
}
