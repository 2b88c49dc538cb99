import { ActionIcon, Anchor, Badge, Button, FileButton, Group, Menu, Modal, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBulb, IconDots, IconExternalLink, IconFileCertificate, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  TRAINING_FUNDING_LABELS,
  TRAINING_STATUS_LABELS,
  rightsInputSchema,
  type MemberTraining,
  type Training,
  type TrainingContent,
  type TrainingProvider,
  type TrainingSuggestion,
} from '@shared/contract'
import { call, errorMessage } from '../../api/client'
import { confirmRemoval } from '../../components/confirmRemoval'
import { EuroInput } from '../../components/EuroInput'
import { FrenchDateInput } from '../../components/FrenchDateInput'
import { base64FromFile, openOrDownload, saveReceivedFile } from '../../lib/files'
import { formatCents, formatDate } from '../../lib/format'
import { roleLabel } from '../team/MemberTable'
import { formatDays, STATUS_COLORS, trainingDates } from './labels'
import { FormActions } from '../../components/FormActions'
import { useDiscardGuard } from '../../components/GuardedModal'
import { TrainingDialog, type TrainingDraft } from './TrainingDialog'
import { useApiMutation } from '../../api/hooks'
import { useFormSubmit } from '../../lib/use-form-submit'
import { validateWith } from '../../lib/validation'

interface MemberTrainingProps {
  member: MemberTraining
  content: TrainingContent
  providers: TrainingProvider[]
  /** The signed-in person may change this élu's trainings (their own, or anyone's for the administrator). */
  editable: boolean
  /** « Mes tâches »: the élu's own view, titled « Ma formation ». */
  own?: boolean
}

function RightsDialog({ member, onClose }: { member: MemberTraining; onClose(): void }) {
  const { t } = useTranslation()
  const setRights = useApiMutation('training.setRights')
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      isEmployee: member.rights.isEmployee,
      difBalanceCents: member.rights.difBalanceCents,
      difBalanceOn: member.rights.difBalanceOn,
    },
    validate: (values) => validateWith(rightsInputSchema, { memberId: member.memberId, ...values }),
  })
  const close = useDiscardGuard(form.isDirty(), onClose)
  const submit = useFormSubmit(form, (values) => setRights.mutateAsync({ memberId: member.memberId, ...values }), onClose)
  return (
    <Modal opened onClose={close} title={t('training.rights.dialogTitle', { name: `${member.firstName} ${member.lastName}` })}>
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack>
          <Switch
            label={t('training.rights.isEmployee')}
            description={t('training.rights.isEmployeeHelp')}
            {...form.getInputProps('isEmployee', { type: 'checkbox' })}
          />
          <EuroInput
            label={t('training.rights.difBalance')}
            description={t('training.rights.difBalanceHelp')}
            value={form.values.difBalanceCents}
            onChange={(cents) => form.setFieldValue('difBalanceCents', cents)}
            allowEmpty
            error={form.errors.difBalanceCents}
          />
          <FrenchDateInput
            label={t('training.rights.difBalanceOn')}
            value={form.values.difBalanceOn}
            onChange={(day) => form.setFieldValue('difBalanceOn', day)}
            error={form.errors.difBalanceOn}
          />
          <FormActions submit={submit} submitLabel={t('common.save')} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  )
}

function TrainingLine({ training, editable, onEdit }: { training: Training; editable: boolean; onEdit(): void }) {
  const { t } = useTranslation()
  const addAttestation = useApiMutation('training.addAttestation', { failure: 'notification' })
  const removeAttestation = useApiMutation('training.removeAttestation')
  const removeTraining = useApiMutation('training.remove')
  const [reading, setReading] = useState(false)
  async function attach(file: File | null) {
    if (!file) return
    setReading(true)
    try {
      await addAttestation.mutateAsync({ id: training.id, fileName: file.name, contentBase64: await base64FromFile(file) })
    } catch {
      // The hook has shown the French message.
    } finally {
      setReading(false)
    }
  }
  async function openAttestation() {
    try {
      await openOrDownload(
        () => call('training.openAttestation', { id: training.id }),
        () => call('training.getAttestation', { id: training.id }),
        saveReceivedFile,
      )
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    }
  }
  const amount = training.costCents + training.travelCents + training.lostIncomeCents
  return (
    <Paper withBorder p="sm" radius="md" aria-label={training.title}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{training.title}</Text>
            <Badge color={STATUS_COLORS[training.status]} variant="light" tt="none">
              {TRAINING_STATUS_LABELS[training.status]}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {[
              trainingDates(training),
              training.providerName
                ? `${training.providerName}${training.providerApproved ? ` — ${t('training.approvedNumber', { number: training.providerApprovalNumber || '—' })}` : ` — ${t('training.notApproved')}`}`
                : null,
              amount > 0 ? `${formatCents(amount)} (${TRAINING_FUNDING_LABELS[training.funding]})` : TRAINING_FUNDING_LABELS[training.funding],
              training.leaveDays > 0 ? t('training.leaveDaysShort', { days: formatDays(training.leaveDays) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {training.attestation && (
            <Anchor component="button" type="button" size="sm" onClick={openAttestation}>
              <Group gap={4}>
                <IconFileCertificate size={14} />
                {t('training.attestation', { name: training.attestation.fileName })}
              </Group>
            </Anchor>
          )}
        </Stack>
        {editable && (
          <Group gap={4} wrap="nowrap">
            <FileButton onChange={attach} accept="application/pdf,image/png,image/jpeg">
              {(props) => (
                <Tooltip label={training.attestation ? t('training.replaceAttestation') : t('training.addAttestation')}>
                  <ActionIcon {...props} variant="subtle" loading={reading} aria-label={t('training.addAttestationFor', { title: training.title })}>
                    <IconFileCertificate size={18} />
                  </ActionIcon>
                </Tooltip>
              )}
            </FileButton>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('training.editFor', { title: training.title })}>
              <IconPencil size={18} />
            </ActionIcon>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('training.moreFor', { title: training.title })}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {training.attestation && (
                  <Menu.Item
                    leftSection={<IconTrash size={16} />}
                    onClick={() =>
                      confirmRemoval({
                        title: t('training.removeAttestationTitle'),
                        message: t('training.removeAttestationMessage', { name: training.attestation!.fileName }),
                        remove: () => removeAttestation.mutateAsync({ id: training.id }),
                      })
                    }
                  >
                    {t('training.removeAttestation')}
                  </Menu.Item>
                )}
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() =>
                    confirmRemoval({
                      title: t('training.removeTitle'),
                      message: t('training.removeMessage', { title: training.title }),
                      remove: () => removeTraining.mutateAsync({ id: training.id }),
                    })
                  }
                >
                  {t('common.remove')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
    </Paper>
  )
}

function SuggestionLine({ suggestion, editable, onWish }: { suggestion: TrainingSuggestion; editable: boolean; onWish(): void }) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" aria-label={suggestion.title}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {suggestion.title}
        </Text>
        <Text size="xs" c={suggestion.kind === 'delegation' ? 'dimmed' : 'orange.9'}>
          {suggestion.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {suggestion.description}
        </Text>
      </Stack>
      {editable && (
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onWish} style={{ flexShrink: 0 }}>
          {t('training.addWish')}
        </Button>
      )}
    </Group>
  )
}

/** One élu: their rights, their wishes and trainings, and what the délégation and the diagnostic suggest. */
export function MemberTrainingCard({ member, content, providers, editable, own = false }: MemberTrainingProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<TrainingDraft | null>(null)
  const [editingRights, setEditingRights] = useState(false)
  const name = `${member.firstName} ${member.lastName}`
  const r = member.rights
  const wishes = member.trainings.filter((x) => x.status === 'souhaitee')
  const others = member.trainings.filter((x) => x.status !== 'souhaitee')
  const difLink = content.rights.find((x) => x.id === 'dife')?.link
  return (
    <Paper withBorder p="md" radius="md" aria-label={own ? t('training.mine') : name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={own ? 2 : 3} size="h4">
              {own ? t('training.mine') : name}
            </Title>
            <Text size="sm" c="marianne.8">
              {roleLabel(member)}
              {member.delegation ? ` — ${member.delegation}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            {member.hasDelegation &&
              (member.trainedInFirstYear ? (
                <Badge color="green" variant="light" tt="none">
                  {t('training.trainedFirstYear')}
                </Badge>
              ) : (
                <Badge color="orange" variant="light" tt="none">
                  {t('training.notTrainedFirstYear')}
                </Badge>
              ))}
            {editable && (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => setDraft({ training: null, memberId: member.memberId, memberName: name })}
              >
                {t('training.add')}
              </Button>
            )}
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap" aria-label={t('training.rights.title')}>
          <Text size="sm">
            {t('training.rights.dif')} <b>{r.difBalanceCents === null ? t('training.rights.difUnknown') : formatCents(r.difBalanceCents)}</b>
            {r.difBalanceOn ? ` ${t('training.rights.difOn', { date: formatDate(r.difBalanceOn) })}` : ''}
            {difLink && (
              <>
                {' · '}
                <Anchor href={difLink.url} target="_blank" rel="noreferrer" size="sm">
                  {t('training.rights.difLink')} <IconExternalLink size={12} />
                </Anchor>
              </>
            )}
          </Text>
          <Text size="sm">
            {r.isEmployee
              ? t('training.rights.leave', { used: formatDays(r.leaveDaysUsed), planned: formatDays(r.leaveDaysPlanned), limit: r.leaveDaysLimit })
              : t('training.rights.notEmployee')}
          </Text>
          {editable && (
            <Anchor component="button" type="button" size="sm" onClick={() => setEditingRights(true)}>
              {t('training.rights.edit')}
            </Anchor>
          )}
        </Group>

        {member.trainings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('training.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {[...wishes, ...others].map((training) => (
              <TrainingLine
                key={training.id}
                training={training}
                editable={editable}
                onEdit={() => setDraft({ training, memberId: member.memberId, memberName: name })}
              />
            ))}
          </Stack>
        )}

        {member.suggestions.length > 0 && (
          <Stack gap="xs" aria-label={t('training.suggestions', { name })}>
            <Group gap={6}>
              <IconBulb size={16} />
              <Text size="sm" fw={600}>
                {t('training.suggestionsTitle')}
              </Text>
            </Group>
            {member.suggestions.slice(0, 5).map((s) => (
              <SuggestionLine
                key={s.key}
                suggestion={s}
                editable={editable}
                onWish={() =>
                  setDraft({
                    training: null,
                    memberId: member.memberId,
                    memberName: name,
                    title: s.title,
                    domainId: s.domainId,
                    sourceThemeId: s.themeId,
                    sourceCriterionId: s.criterionId,
                  })
                }
              />
            ))}
          </Stack>
        )}
      </Stack>
      {draft && <TrainingDialog draft={draft} providers={providers} isEmployee={r.isEmployee} onClose={() => setDraft(null)} />}
      {editingRights && <RightsDialog member={member} onClose={() => setEditingRights(false)} />}
    </Paper>
  )
}
