import { Alert, Button, Checkbox, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommuneProfile } from '@shared/referentiel/profile'
import { COMPETENCE_LABELS } from '@shared/referentiel/applicability'
import { COMPETENCES } from '@shared/referentiel/schema'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'

type RiskKey = Exclude<keyof CommuneProfile['risks'], 'seismicZone'>
type FacilityKey = keyof CommuneProfile['facilities']

const RISKS: RiskKey[] = ['pprn', 'pprnPrescribed', 'ppi', 'tri', 'forestFire', 'volcanic', 'cyclonic', 'otherMajorRisk']
const FACILITIES: FacilityKey[] = ['erp', 'school', 'canteen', 'cemetery', 'municipalPolice', 'ccas', 'website', 'tertiary1000']

/** The questions of the commune profile: in Paramètres and in the setup wizard's profile step. */
export function ProfileFields({
  profile,
  onChange,
  disabled = false,
}: {
  profile: CommuneProfile
  onChange(profile: CommuneProfile): void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const setProfile = onChange
  const setRisk = (key: RiskKey, value: boolean) => setProfile({ ...profile, risks: { ...profile.risks, [key]: value } })
  const setFacility = (key: FacilityKey, value: boolean) => setProfile({ ...profile, facilities: { ...profile.facilities, [key]: value } })
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('communeProfile.risksTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('communeProfile.risksHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {RISKS.map((key) => (
            <Switch
              key={key}
              label={t(`communeProfile.risks.${key}`)}
              checked={profile.risks[key]}
              onChange={(e) => setRisk(key, e.currentTarget.checked)}
              disabled={disabled}
            />
          ))}
          <Select
            label={t('communeProfile.risks.seismicZone')}
            data={[
              { value: '', label: t('communeProfile.unknown') },
              ...[1, 2, 3, 4, 5].map((z) => ({ value: String(z), label: t('communeProfile.zone', { zone: z }) })),
            ]}
            value={profile.risks.seismicZone === null ? '' : String(profile.risks.seismicZone)}
            onChange={(value) => setProfile({ ...profile, risks: { ...profile.risks, seismicZone: value ? Number(value) : null } })}
            allowDeselect={false}
            disabled={disabled}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('communeProfile.facilitiesTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FACILITIES.map((key) => (
            <Switch
              key={key}
              label={t(`communeProfile.facilities.${key}`)}
              checked={profile.facilities[key]}
              onChange={(e) => setFacility(key, e.currentTarget.checked)}
              disabled={disabled}
            />
          ))}
          <NumberInput
            label={t('communeProfile.agentsHeadcount')}
            description={t('communeProfile.agentsHeadcountHelp')}
            min={0}
            allowDecimal={false}
            value={profile.agentsHeadcount}
            onChange={(value) => setProfile({ ...profile, agentsHeadcount: Number(value) || 0 })}
            disabled={disabled}
          />
          <NumberInput
            label={t('communeProfile.agentsFte')}
            description={t('communeProfile.agentsFteHelp')}
            min={0}
            decimalScale={1}
            decimalSeparator=","
            value={profile.agentsFte}
            onChange={(value) => setProfile({ ...profile, agentsFte: Number(value) || 0 })}
            disabled={disabled}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('communeProfile.competencesTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('communeProfile.competencesHelp')}
        </Text>
        <Checkbox.Group
          value={profile.transferredCompetences}
          onChange={(value) => setProfile({ ...profile, transferredCompetences: value as CommuneProfile['transferredCompetences'] })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {COMPETENCES.map((competence) => (
              <Checkbox
                key={competence}
                value={competence}
                label={COMPETENCE_LABELS[competence].replace(/^./, (c) => c.toUpperCase())}
                disabled={disabled}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('communeProfile.otherTitle')}
        </Title>
        <Stack>
          <Switch
            label={t('communeProfile.civilSecurityDelegate')}
            checked={profile.civilSecurityDelegate}
            onChange={(e) => setProfile({ ...profile, civilSecurityDelegate: e.currentTarget.checked })}
            disabled={disabled}
          />
          <Switch
            label={t('communeProfile.qpv')}
            description={t('communeProfile.qpvHelp')}
            checked={profile.qpv}
            onChange={(e) => setProfile({ ...profile, qpv: e.currentTarget.checked })}
            disabled={disabled}
          />
          <Switch
            label={t('communeProfile.sruConcerned')}
            description={t('communeProfile.sruHelp')}
            checked={profile.sruConcerned}
            onChange={(e) => setProfile({ ...profile, sruConcerned: e.currentTarget.checked })}
            disabled={disabled}
          />
        </Stack>
      </Paper>
    </Stack>
  )
}

/** The same answers, whatever order the transferred competences were ticked in. */
function sameProfile(a: CommuneProfile, b: CommuneProfile): boolean {
  const normal = (profile: CommuneProfile) => JSON.stringify({ ...profile, transferredCompetences: [...profile.transferredCompetences].sort() })
  return normal(a) === normal(b)
}

function ProfileForm({ saved, canEdit }: { saved: CommuneProfile; canEdit: boolean }) {
  const { t } = useTranslation()
  const save = useApiMutation('communeProfile.update')
  const [profile, setProfile] = useState<CommuneProfile>(saved)
  useLeaveGuard(!sameProfile(profile, saved))

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        try {
          await save.mutateAsync(profile)
          notifications.show({ color: 'green', message: t('communeProfile.saved') })
        } catch {
          // Shown below.
        }
      }}
    >
      <Stack>
        <ProfileFields profile={profile} onChange={setProfile} disabled={!canEdit} />
        <FormError message={save.error?.message ?? null} />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** The questionnaire that decides which criteria of the référentiel apply to the commune. */
export function CommuneProfileSettings() {
  const { t } = useTranslation()
  const profile = useApiQuery('communeProfile.get', {})
  const session = useApiQuery('session.get', {})
  if (profile.isError) return <FormError message={profile.error.message} />
  if (!profile.data) return <Loader />
  return (
    <Stack>
      <Alert role="note" icon={<IconInfoCircle size={18} />} variant="light">
        {t('communeProfile.intro')}
      </Alert>
      <ProfileForm key={JSON.stringify(profile.data)} saved={profile.data} canEdit={session.data?.profile?.isAdmin ?? false} />
    </Stack>
  )
}
