import { SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DirectoryCommune } from '@shared/contract'
import { formatPopulation } from '../lib/format'

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </Stack>
  )
}

/** The official identity of a commune, as filled from the directory. */
export function CommuneFacts({ commune }: { commune: DirectoryCommune & { populationTotale?: number | null } }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" aria-label={t('commune.facts')}>
      <Fact label={t('commune.population')} value={formatPopulation(commune.population)} />
      {commune.populationTotale !== undefined && (
        <Fact
          label={t('commune.populationTotale')}
          value={
            commune.populationTotale === null
              ? t('commune.populationTotaleFromMunicipale', { value: formatPopulation(commune.population) })
              : formatPopulation(commune.populationTotale)
          }
        />
      )}
      <Fact label={t('commune.departement')} value={`${commune.departementName} (${commune.departementCode})`} />
      <Fact label={t('commune.region')} value={commune.regionName} />
      <Fact label={t('commune.epci')} value={commune.epci?.name ?? t('commune.noEpci')} />
      <Fact label={t('commune.postalCodes')} value={commune.postalCodes.join(', ') || '—'} />
      <Fact label={t('commune.inseeCode')} value={commune.inseeCode} />
      <Fact label={t('commune.siren')} value={commune.siren} />
    </SimpleGrid>
  )
}
