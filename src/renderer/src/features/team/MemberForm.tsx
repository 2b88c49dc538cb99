import { Group, NumberInput, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { memberInputSchema } from '@shared/contract'
import { CIVILITIES, CIVILITY_LABELS, ELECTED_ROLES, MEMBER_ROLES, roleLabelFor, ROLES_WITH_DELEGATION, type Civility } from '@shared/roles'
import { errorMessage } from '../../api/client'
import { serverFieldErrors, validateWith } from '../../lib/validation'
import { FormActions } from '../../components/FormActions'
import { useDiscardGuard } from '../../components/GuardedModal'
import { toMemberInput, type MemberFormValues } from './member-form-values'

/** The roles, written in the feminine once « Madame » is chosen. */
function roleOptions(civility: Civility | null) {
  const option = (r: (typeof MEMBER_ROLES)[number]) => ({ value: r, label: roleLabelFor(r, civility) })
  return [
    { group: 'Élus', items: MEMBER_ROLES.filter((r) => ELECTED_ROLES.includes(r)).map(option) },
    { group: 'Agents', items: MEMBER_ROLES.filter((r) => !ELECTED_ROLES.includes(r)).map(option) },
  ]
}

interface MemberFormProps {
  initialValues: MemberFormValues
  submitLabel: string
  /** Saves the person; a rejected promise keeps the form open with the message. */
  onSubmit(values: MemberFormValues): Promise<void> | void
  onCancel?: () => void
  /** Empties the form after a successful save (adding several people in a row). */
  resetAfterSubmit?: boolean
  /** Told of every change, so a parent can warn about a person typed but not added. */
  onValuesChange?: (values: MemberFormValues) => void
}

/** The form for one élu or agent, used by the setup wizard and the team page. */
export function MemberForm({ initialValues, submitLabel, onSubmit, onCancel, resetAfterSubmit, onValuesChange }: MemberFormProps) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const form = useForm<MemberFormValues>({
    mode: 'controlled',
    initialValues,
    onValuesChange,
    validate: (values) => validateWith(memberInputSchema, toMemberInput(values)),
  })
  // Inside a GuardedModal, closing with something typed asks first.
  const cancel = useDiscardGuard(form.isDirty(), onCancel ?? (() => undefined))
  const role = form.values.role
  const civility = form.values.civility === '' ? null : form.values.civility

  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    setSaving(true)
    try {
      await onSubmit(values)
      if (resetAfterSubmit) {
        form.setValues(initialValues)
        form.resetDirty(initialValues)
        onValuesChange?.(initialValues)
      }
    } catch (error) {
      form.setErrors(serverFieldErrors(error))
      setFailure(errorMessage(error))
    } finally {
      setSaving(false)
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack gap="sm">
        <Radio.Group label={t('member.civility')} {...form.getInputProps('civility')}>
          <Group gap="lg" mt={4}>
            {CIVILITIES.map((c) => (
              <Radio key={c} value={c} label={CIVILITY_LABELS[c]} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('member.firstName')} required data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label={t('member.lastName')} required {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('member.role')} required data={roleOptions(civility)} allowDeselect={false} {...form.getInputProps('role')} />
          {role === 'adjoint' && (
            <NumberInput
              label={t('member.rank')}
              description={t('member.rankHelp')}
              placeholder={t('member.rankAuto')}
              min={1}
              max={30}
              allowDecimal={false}
              {...form.getInputProps('rank')}
            />
          )}
        </SimpleGrid>
        {ROLES_WITH_DELEGATION.includes(role) && (
          <TextInput label={t('member.delegation')} placeholder={t('member.delegationPlaceholder')} {...form.getInputProps('delegation')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('member.email')} type="email" placeholder="prenom.nom@mairie.fr" {...form.getInputProps('email')} />
          <TextInput label={t('member.phone')} type="tel" placeholder="03 25 12 34 56" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Textarea
          label={t('member.interests')}
          description={t('member.interestsHelp')}
          autosize
          minRows={1}
          maxRows={4}
          {...form.getInputProps('interests')}
        />
        <FormActions submit={{ failure, saving }} submitLabel={submitLabel} onCancel={onCancel ? cancel : undefined} />
      </Stack>
    </form>
  )
}
