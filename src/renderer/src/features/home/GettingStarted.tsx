import { Anchor, Badge, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ONBOARDING_STEPS, type Onboarding, type OnboardingStep } from '@shared/contract'
import classes from './GettingStarted.module.css'

const STEP_PATHS: Record<OnboardingStep, string> = {
  communeProfile: '/parametres/profil-commune',
  diagnostic: '/diagnostic',
  project: '/projets',
  report: '/rapports',
}

/**
 * « Pour commencer »: the four steps that make Cap Commune useful — the commune profile, the diagnostic, a first
 * project, a first report — in that order, the next one to do as a button. The home page leaves it out once all are
 * done.
 */
export function GettingStarted({ steps }: { steps: Onboarding }) {
  const { t } = useTranslation()
  const next = ONBOARDING_STEPS.find((step) => !steps[step])
  const done = ONBOARDING_STEPS.filter((step) => steps[step]).length
  return (
    <Paper withBorder p="md" radius="md" aria-label={t('onboarding.title')} className={classes.frame}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={2} size="h5">
          {t('onboarding.title')}
        </Title>
        <Badge variant="light" tt="none">
          {t('onboarding.progress', { done, total: ONBOARDING_STEPS.length })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('onboarding.intro')}
      </Text>
      <Stack gap="xs" component="ol" className={classes.steps}>
        {ONBOARDING_STEPS.map((step, index) => (
          <Group key={step} component="li" wrap="nowrap" gap="sm" align="flex-start" aria-label={t(`onboarding.steps.${step}.title`)}>
            <ThemeIcon radius="xl" size={26} variant={steps[step] ? 'filled' : 'light'} color={steps[step] ? 'green' : 'marianne'}>
              {steps[step] ? (
                <IconCheck size={16} aria-label={t('onboarding.done')} />
              ) : (
                <Text size="xs" fw={700}>
                  {index + 1}
                </Text>
              )}
            </ThemeIcon>
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} c={steps[step] ? 'dimmed' : undefined}>
                {t(`onboarding.steps.${step}.title`)}
              </Text>
              {!steps[step] && (
                <Text size="xs" c="dimmed">
                  {t(`onboarding.steps.${step}.help`)}
                </Text>
              )}
            </Stack>
            {step === next ? (
              <Button component={Link} to={STEP_PATHS[step]} size="xs" style={{ flexShrink: 0 }}>
                {t(`onboarding.steps.${step}.action`)}
              </Button>
            ) : (
              !steps[step] && (
                <Anchor component={Link} to={STEP_PATHS[step]} size="xs" style={{ flexShrink: 0 }}>
                  {t(`onboarding.steps.${step}.action`)}
                </Anchor>
              )
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
