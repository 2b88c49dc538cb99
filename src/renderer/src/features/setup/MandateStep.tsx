import { Group, NumberInput, Stack, Text } from '@mantine/core'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { useTranslation } from 'react-i18next'
import { mandateInputSchema } from '@shared/contract'
import { validateWith } from '../../lib/validation'
import type { SetupDraft } from './draft'

type MandateValues = SetupDraft['mandate']

export function mandateErrors(mandate: MandateValues) {
  return validateWith(mandateInputSchema, mandate)
}

export function MandateStep({ mandate, onChange }: { mandate: MandateValues; onChange(mandate: MandateValues): void }) {
  const { t } = useTranslation()
  const errors = mandateErrors(mandate)
  const toYear = (value: string | number): number | '' => (value === '' ? '' : Number(value))
  return (
    <Stack>
      <Text>{t('setup.mandate.explain')}</Text>
      <Group grow align="flex-start">
        <NumberInput
          label={t('setup.mandate.startYear')}
          value={mandate.startYear}
          onChange={(value) => onChange({ ...mandate, startYear: toYear(value) })}
          allowDecimal={false}
          thousandSeparator=""
          error={errors.startYear}
          data-autofocus
        />
        <NumberInput
          label={t('setup.mandate.endYear')}
          value={mandate.endYear}
          onChange={(value) => onChange({ ...mandate, endYear: toYear(value) })}
          allowDecimal={false}
          thousandSeparator=""
          error={errors.endYear}
        />
      </Group>
      <FrenchDateInput
        maw={260}
        label={t('setup.mandate.installedOn')}
        description={t('setup.mandate.installedOnHelp')}
        value={mandate.installedOn ?? null}
        onChange={(installedOn) => onChange({ ...mandate, installedOn })}
        error={errors.installedOn}
      />
    </Stack>
  )
}
