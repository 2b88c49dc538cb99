import { Alert, Paper, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DIRECTORY_SOURCE, type DirectoryCommune } from '@shared/contract'
import { COMPETENCE_LABELS } from '@shared/referentiel/applicability'
import type { CommuneProfile } from '@shared/referentiel/profile'
import { EPCI_KIND_LABELS } from '@shared/referentiel/profile-defaults'
import { ProfileFields } from '../settings/CommuneProfileSettings'
import { PopulationFields, type PopulationValues } from '../settings/PopulationSettings'

/** The wizard's profile step: the defaults said plainly, each answer editable, and the population totale. */
export function CommuneProfileStep({
  commune,
  profile,
  population,
  onProfileChange,
  onPopulationChange,
}: {
  commune: DirectoryCommune
  profile: CommuneProfile
  population: PopulationValues
  onProfileChange(profile: CommuneProfile): void
  onPopulationChange(population: PopulationValues): void
}) {
  const { t } = useTranslation()
  const kind = commune.epci?.kind ?? null
  const competences =
    commune.epci && kind
      ? `${t('setup.communeProfile.competencesOf', { kind: EPCI_KIND_LABELS[kind], epci: commune.epci.name })} : ${profile.transferredCompetences.map((c) => COMPETENCE_LABELS[c]).join(', ')}`
      : t('setup.communeProfile.noEpci')
  const prefilled = population.populationTotale !== '' && population.populationTotale === commune.population
  return (
    <Stack>
      <Text>{t('setup.communeProfile.explain')}</Text>
      <Alert role="note" variant="light" icon={<IconInfoCircle size={18} />}>
        {t('setup.communeProfile.defaults', { agents: t('setup.communeProfile.agents', { count: profile.agentsHeadcount }), competences })}
      </Alert>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('setup.communeProfile.populationTitle')}
        </Title>
        <PopulationFields municipale={commune.population} source={DIRECTORY_SOURCE} values={population} onChange={onPopulationChange} />
        {prefilled && (
          <Text size="sm" c="orange.8" mt="xs" data-testid="population-prefilled">
            {t('setup.communeProfile.prefilled')}
          </Text>
        )}
      </Paper>
      <ProfileFields profile={profile} onChange={onProfileChange} />
      <Text size="sm" c="dimmed">
        {t('setup.communeProfile.laterHelp')}
      </Text>
    </Stack>
  )
}
