import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Campaign } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'

/** A new campaign, possibly starting from the answers of an earlier one. */
export function CampaignCreate({ opened, onClose, campaigns }: { opened: boolean; onClose(): void; campaigns: Campaign[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useApiMutation('campaigns.create')
  const [name, setName] = useState(`Diagnostic ${new Date().getFullYear()}`)
  const [copyFrom, setCopyFrom] = useState<string | null>(campaigns[0] ? String(campaigns[0].id) : null)

  return (
    <Modal opened={opened} onClose={onClose} title={t('diagnostic.newCampaign')}>
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          try {
            const campaign = await create.mutateAsync({ name, copyFrom: copyFrom ? Number(copyFrom) : null })
            onClose()
            void navigate(`/diagnostic/${campaign.id}`)
          } catch {
            // Shown below.
          }
        }}
      >
        <Stack>
          <TextInput label={t('diagnostic.campaignName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required />
          {campaigns.length > 0 && (
            <Select
              label={t('diagnostic.copyFrom')}
              description={t('diagnostic.copyFromHelp')}
              data={[{ value: '', label: t('diagnostic.startEmpty') }, ...campaigns.map((c) => ({ value: String(c.id), label: c.name }))]}
              value={copyFrom ?? ''}
              onChange={(value) => setCopyFrom(value || null)}
              allowDeselect={false}
            />
          )}
          <FormError message={create.error?.message ?? null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('diagnostic.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
