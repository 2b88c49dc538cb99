import { Box, Button, Container, Group, Paper, Stepper, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { AdministratorStep, administratorErrors, type AdministratorValues } from './AdministratorStep'
import { agentsInTeam, defaultProfile } from '@shared/referentiel/profile-defaults'
import { CommuneProfileStep } from './CommuneProfileStep'
import { CommuneStep } from './CommuneStep'
import { clearDraft, loadDraft, saveDraft, type SetupDraft } from './draft'
import { MandateStep, mandateErrors } from './MandateStep'
import { SummaryStep } from './SummaryStep'
import { TeamStep } from './TeamStep'
import { ImportFromOtherInstallation, OtherInstallationChoice } from './ImportFromOtherInstallation'
import classes from './SetupWizard.module.css'

const PROFILE_STEP = 3
const LAST_STEP = 5

/** First launch: the commune, the mandate, the team and the first (administrator) profile, saved all at once. */
/** The population totale to save: none while the field only holds the directory's municipale (it stands in anyway). */
function populationInput(draft: SetupDraft) {
  const { populationTotale, year } = draft.population
  if (populationTotale === '' || (populationTotale === draft.commune?.population && year === '')) return null
  return { populationTotale, year: year === '' ? null : year }
}

export function SetupWizard() {
  const { t } = useTranslation()
  const complete = useApiMutation('setup.complete')
  const [draft, setDraft] = useState<SetupDraft>(loadDraft)
  const [step, setStep] = useState(0)
  const [stepError, setStepError] = useState<string | null>(null)
  const [pendingPerson, setPendingPerson] = useState(false)
  const [password, setPassword] = useState<AdministratorValues['password']>({ password: '', confirmation: '' })
  const [saving, setSaving] = useState(false)
  const [importing, setImporting] = useState(false)

  useEffect(() => saveDraft(draft), [draft])

  const update = (changes: Partial<SetupDraft>) => {
    setStepError(null)
    setDraft((current) => ({ ...current, ...changes }))
  }

  /** Why the current step cannot be left yet, or null. */
  function blockingReason(): string | null {
    if (step === 0 && !draft.commune) return t('setup.commune.required')
    if (step === 1) return Object.values(mandateErrors(draft.mandate))[0] ?? null
    if (step === 2 && pendingPerson) return t('setup.team.pendingPerson')
    if (step === 4) return Object.values(administratorErrors(draft.administrator, password))[0] ?? null
    return null
  }

  /** The profile step starts from the defaults of the commune chosen and the team entered (once: edits are kept). */
  function goTo(target: number) {
    if (target === PROFILE_STEP && draft.commune && draft.communeProfile === null) {
      update({
        communeProfile: defaultProfile({ epciKind: draft.commune.epci?.kind ?? null, team: draft.members }),
        population: { populationTotale: draft.commune.population ?? '', year: '' },
      })
    }
    setStep(target)
  }

  function next(profileReviewed?: boolean) {
    const reason = blockingReason()
    if (reason) {
      setStepError(reason)
      return
    }
    setStepError(null)
    if (profileReviewed !== undefined) update({ profileReviewed })
    goTo(Math.min(step + 1, LAST_STEP))
  }

  function back() {
    setStepError(null)
    setStep((s) => Math.max(s - 1, 0))
  }

  async function finish() {
    if (!draft.commune) return
    setSaving(true)
    setStepError(null)
    try {
      await complete.mutateAsync({
        inseeCode: draft.commune.inseeCode,
        mandate: {
          startYear: Number(draft.mandate.startYear),
          endYear: Number(draft.mandate.endYear),
          installedOn: draft.mandate.installedOn ?? null,
        },
        members: draft.members,
        administrator: {
          memberIndex: draft.administrator.memberIndex,
          displayName: draft.administrator.displayName,
          password: password.password || null,
        },
        profile: draft.communeProfile && { answers: draft.communeProfile, reviewed: draft.profileReviewed },
        population: populationInput(draft),
      })
      clearDraft()
    } catch (error) {
      setStepError(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Box className={classes.page}>
      <Container size="md" py="xl">
        <Title order={1} mb={4}>
          {t('setup.title')}
        </Title>
        <Text c="dimmed" mb="lg">
          {t('setup.intro')}
        </Text>
        {importing ? (
          <ImportFromOtherInstallation onBack={() => setImporting(false)} onImported={clearDraft} />
        ) : (
          <>
            {step === 0 && <OtherInstallationChoice onChoose={() => setImporting(true)} />}
            <Paper withBorder p="lg" radius="md" shadow="xs">
              <Stepper active={step} onStepClick={(target) => target < step && setStep(target)} size="sm" mb="lg">
                <Stepper.Step label={t('setup.steps.commune')} />
                <Stepper.Step label={t('setup.steps.mandate')} />
                <Stepper.Step label={t('setup.steps.team')} />
                <Stepper.Step label={t('setup.steps.communeProfile')} />
                <Stepper.Step label={t('setup.steps.profile')} />
                <Stepper.Step label={t('setup.steps.summary')} />
              </Stepper>

              {step === 0 && <CommuneStep commune={draft.commune} onChange={(commune) => update({ commune, communeProfile: null })} />}
              {step === 1 && <MandateStep mandate={draft.mandate} onChange={(mandate) => update({ mandate })} />}
              {step === 2 && (
                <TeamStep
                  members={draft.members}
                  onChange={(members) =>
                    update({
                      members,
                      administrator: { ...draft.administrator, memberIndex: null },
                      // The agents counted from the team follow it.
                      communeProfile: draft.communeProfile && { ...draft.communeProfile, agentsHeadcount: agentsInTeam(members) },
                    })
                  }
                  onPendingChange={setPendingPerson}
                />
              )}
              {step === PROFILE_STEP && draft.commune && draft.communeProfile && (
                <CommuneProfileStep
                  commune={draft.commune}
                  profile={draft.communeProfile}
                  population={draft.population}
                  onProfileChange={(communeProfile) => update({ communeProfile })}
                  onPopulationChange={(population) => update({ population })}
                />
              )}
              {step === 4 && (
                <AdministratorStep
                  members={draft.members}
                  administrator={draft.administrator}
                  password={password}
                  onChange={(administrator) => update({ administrator })}
                  onPasswordChange={setPassword}
                  showErrors={stepError !== null}
                />
              )}
              {step === 5 && <SummaryStep draft={draft} hasPassword={password.password !== ''} />}

              <Box mt="lg">
                <FormError message={stepError} />
              </Box>
              <Group justify="space-between" mt="lg">
                <Button variant="default" onClick={back} disabled={step === 0 || saving}>
                  {t('common.back')}
                </Button>
                {step === PROFILE_STEP ? (
                  <Group gap="sm">
                    <Button variant="default" onClick={() => next(false)}>
                      {t('setup.communeProfile.later')}
                    </Button>
                    <Button onClick={() => next(true)}>{t('setup.communeProfile.confirm')}</Button>
                  </Group>
                ) : step < LAST_STEP ? (
                  <Button onClick={() => next()}>{t('common.continue')}</Button>
                ) : (
                  <Button onClick={finish} loading={saving}>
                    {t('setup.finish')}
                  </Button>
                )}
              </Group>
            </Paper>
          </>
        )}
      </Container>
    </Box>
  )
}
