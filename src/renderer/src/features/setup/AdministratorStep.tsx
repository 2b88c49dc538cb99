import { Alert, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { passwordField, profileDisplayNameField, type MemberInput } from '@shared/contract'
import { fillAdjointRanks } from '@shared/team-rules'
import { i18n } from '../../i18n'
import { roleLabel } from '../team/MemberTable'
import type { SetupDraft } from './draft'

export interface AdministratorValues {
  password: { password: string; confirmation: string }
}

const OTHER_PERSON = 'autre'

export function administratorErrors(administrator: SetupDraft['administrator'], password: AdministratorValues['password']) {
  const errors: Record<string, string> = {}
  const name = profileDisplayNameField.safeParse(administrator.displayName)
  if (!name.success) errors.displayName = name.error.issues[0]!.message
  if (password.password) {
    const strength = passwordField.safeParse(password.password)
    if (!strength.success) errors.password = strength.error.issues[0]!.message
    else if (password.password !== password.confirmation) errors.confirmation = i18n.t('profiles.passwordMismatch')
  }
  return errors
}

interface AdministratorStepProps {
  members: MemberInput[]
  administrator: SetupDraft['administrator']
  password: AdministratorValues['password']
  onChange(administrator: SetupDraft['administrator']): void
  onPasswordChange(password: AdministratorValues['password']): void
  /** « Continuer » was pressed: every message shows, even under a field not visited yet. */
  showErrors?: boolean
}

/** Who is setting up the app: their profile becomes the first administrator. */
export function AdministratorStep({ members, administrator, password, onChange, onPasswordChange, showErrors = false }: AdministratorStepProps) {
  const { t } = useTranslation()
  // A name not typed yet is not an error: it is said once the field is left, or on « Continuer ».
  const [nameLeft, setNameLeft] = useState(false)
  const errors = administratorErrors(administrator, password)
  const selected = administrator.memberIndex === null ? OTHER_PERSON : String(administrator.memberIndex)

  return (
    <Stack>
      <Text>{t('setup.profile.explain')}</Text>
      <Radio.Group
        label={t('setup.profile.who')}
        value={selected}
        onChange={(value) => {
          if (value === OTHER_PERSON) {
            onChange({ memberIndex: null, displayName: '' })
          } else {
            const member = members[Number(value)]!
            onChange({ memberIndex: Number(value), displayName: `${member.firstName} ${member.lastName}` })
          }
        }}
      >
        <Stack gap="xs" mt="xs">
          {fillAdjointRanks(members).map((member, index) => (
            <Radio key={index} value={String(index)} label={`${member.firstName} ${member.lastName} — ${roleLabel(member)}`} />
          ))}
          <Radio value={OTHER_PERSON} label={t('setup.profile.other')} />
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('setup.profile.displayName')}
        description={t('setup.profile.displayNameHelp')}
        required
        value={administrator.displayName}
        onChange={(event) => onChange({ ...administrator, displayName: event.currentTarget.value })}
        onBlur={() => setNameLeft(true)}
        error={nameLeft || showErrors ? errors.displayName : undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PasswordInput
          label={t('setup.profile.password')}
          description={t('setup.profile.passwordHelp')}
          value={password.password}
          onChange={(event) => onPasswordChange({ ...password, password: event.currentTarget.value })}
          error={errors.password}
          autoComplete="new-password"
        />
        <PasswordInput
          label={t('setup.profile.confirmation')}
          value={password.confirmation}
          disabled={!password.password}
          onChange={(event) => onPasswordChange({ ...password, confirmation: event.currentTarget.value })}
          error={errors.confirmation}
          autoComplete="new-password"
        />
      </SimpleGrid>
      <Alert role="note" icon={<IconShieldCheck size={18} />} variant="light" color="marianne">
        {t('setup.profile.adminNote')}
      </Alert>
    </Stack>
  )
}
