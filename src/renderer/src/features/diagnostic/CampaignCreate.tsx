import { Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { campaignCreateInput, type Campaign } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

/** A new campaign, possibly starting from the answers of an earlier one. */
export function CampaignCreate({ opened, onClose, campaigns }: { opened: boolean; onClose(): void; campaigns: Campaign[] }) {
  const { t } = useTranslation()
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('diagnostic.newCampaign')}>
      <CampaignForm campaigns={campaigns} onClose={onClose} />
    </GuardedModal>
  )
}

function CampaignForm({ campaigns, onClose }: { campaigns: Campaign[]; onClose(): void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useApiMutation('campaigns.create')
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: `Diagnostic ${new Date().getFullYear()}`, copyFrom: campaigns[0] ? String(campaigns[0].id) : '' },
    validate: (values) => validateWith(campaignCreateInput, { name: values.name, copyFrom: values.copyFrom ? Number(values.copyFrom) : null }),
  })
  const cancel = useDiscardGuard(form.isDirty(), onClose)
  const submit = useFormSubmit(
    form,
    async ({ name, copyFrom }) => {
      const campaign = await create.mutateAsync({ name, copyFrom: copyFrom ? Number(copyFrom) : null })
      void navigate(`/diagnostic/${campaign.id}`)
    },
    onClose,
  )
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <TextInput label={t('diagnostic.campaignName')} {...form.getInputProps('name')} data-autofocus required />
        {campaigns.length > 0 && (
          <Select
            label={t('diagnostic.copyFrom')}
            description={t('diagnostic.copyFromHelp')}
            data={[{ value: '', label: t('diagnostic.startEmpty') }, ...campaigns.map((c) => ({ value: String(c.id), label: c.name }))]}
            {...form.getInputProps('copyFrom')}
            onChange={(value) => form.setFieldValue('copyFrom', value ?? '')}
            allowDeselect={false}
          />
        )}
        <FormActions submit={submit} submitLabel={t('diagnostic.create')} onCancel={cancel} />
      </Stack>
    </form>
  )
}
