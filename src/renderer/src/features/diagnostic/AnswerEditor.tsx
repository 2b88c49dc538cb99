import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPaperclip, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { SaveState } from '../../components/SaveState'
import { useAnswerAutosave } from './use-answer-autosave'
import { useTranslation } from 'react-i18next'
import { answerSaveInput, type Answer, type AnswerSplit, type AnswerStatus, type CriterionView } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDateTime } from '../../lib/format'
import { validateWith } from '../../lib/validation'
import { base64FromFile, formatSize } from '../../lib/files'
import { LegalSources } from '../../components/LegalSources'
import { ApplicabilityDecision } from '../applicability/ApplicabilityDecision'
import { KIND_COLORS, KIND_LABELS } from '../referentiel/labels'
import { STATUS_LABELS, STATUS_ORDER } from './labels'
import { confirmRemoval } from '../../components/confirmRemoval'
import { useStoredFileActions } from '../../components/useStoredFileActions'

interface AnswerEditorProps {
  campaignId: number
  criterion: CriterionView
  answer: Answer | undefined
  closed: boolean
  /** An administrator: may declare an obligation applicable or not (on an open campaign). */
  isAdmin?: boolean
}

/** One criterion: its question and sources, the answer, a comment and the supporting documents. */
export function AnswerEditor({ campaignId, criterion, answer, closed, isAdmin = false }: AnswerEditorProps) {
  const { t } = useTranslation()
  const addEvidence = useApiMutation('evidence.add')
  const removeEvidence = useApiMutation('evidence.remove')
  const { open, download } = useStoredFileActions('evidence')
  const [status, setStatus] = useState<AnswerStatus>(answer?.status ?? 'non_renseigne')
  const [split, setSplit] = useState<AnswerSplit>(answer?.split ?? { done: 50, programmed: 0, notDone: 50 })
  const [comment, setComment] = useState(answer?.comment ?? '')
  const [uploading, setUploading] = useState(false)
  const input = { campaignId, criterionId: criterion.id, status, split: status === 'partiel' ? split : null, comment }
  const errors = validateWith(answerSaveInput, input)
  const autosave = useAnswerAutosave(input, Object.keys(errors).length === 0 && !closed, answer)

  if (!criterion.applicability.applies) {
    return (
      <Paper withBorder p="md" radius="md" bg="gray.0" aria-label={criterion.question}>
        <Text fw={500} c="dimmed">
          {criterion.question}
        </Text>
        {!criterion.applicability.decision && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('referentiel.notApplicable')} {criterion.applicability.reason}
          </Text>
        )}
        <ApplicabilityDecision criterion={criterion} canDecide={isAdmin && !closed} />
      </Paper>
    )
  }

  async function attach(file: File | null) {
    if (!file) return
    setUploading(true)
    try {
      await addEvidence.mutateAsync({ campaignId, criterionId: criterion.id, fileName: file.name, contentBase64: await base64FromFile(file) })
      notifications.show({ color: 'green', message: t('diagnostic.evidenceAdded', { name: file.name }) })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    } finally {
      setUploading(false)
    }
  }

  return (
    <Paper withBorder p="md" radius="md" aria-label={criterion.question}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          autosave.flush()
        }}
      >
        <Stack gap="sm">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Badge size="sm" color={KIND_COLORS[criterion.kind]} variant="light" tt="none" style={{ flexShrink: 0 }}>
              {KIND_LABELS[criterion.kind]}
            </Badge>
            <Text fw={600}>{criterion.question}</Text>
            <Tooltip label={t('diagnostic.weightHelp')} multiline w={260}>
              <Badge size="sm" color="gray" variant="outline" tt="none" style={{ flexShrink: 0 }} data-testid="criterion-weight">
                {t('diagnostic.weight', { weight: criterion.weight })}
              </Badge>
            </Tooltip>
          </Group>
          {criterion.help && (
            <Text size="sm" c="dimmed">
              {criterion.help}
            </Text>
          )}
          <LegalSources references={criterion.legalBasis} />
          <ApplicabilityDecision criterion={criterion} canDecide={isAdmin && !closed} />
          <SegmentedControl
            aria-label={t('diagnostic.answerFor', { question: criterion.question })}
            data={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            onChange={(value) => setStatus(value as AnswerStatus)}
            disabled={closed}
            fullWidth
          />
          {status === 'partiel' && (
            <Group grow align="flex-start">
              <NumberInput
                label={t('diagnostic.splitDone')}
                suffix=" %"
                min={0}
                max={100}
                allowDecimal={false}
                value={split.done}
                onChange={(v) => setSplit({ ...split, done: Number(v) || 0 })}
                disabled={closed}
              />
              <NumberInput
                label={t('diagnostic.splitProgrammed')}
                suffix=" %"
                min={0}
                max={100}
                allowDecimal={false}
                value={split.programmed}
                onChange={(v) => setSplit({ ...split, programmed: Number(v) || 0 })}
                disabled={closed}
              />
              <NumberInput
                label={t('diagnostic.splitNotDone')}
                suffix=" %"
                min={0}
                max={100}
                allowDecimal={false}
                value={split.notDone}
                onChange={(v) => setSplit({ ...split, notDone: Number(v) || 0 })}
                disabled={closed}
              />
            </Group>
          )}
          {errors.split && (
            <Text size="sm" c="red.8">
              {errors.split}
            </Text>
          )}
          <Textarea
            label={t('diagnostic.comment')}
            autosize
            minRows={1}
            maxRows={6}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            onBlur={autosave.flush}
            error={errors.comment}
            disabled={closed}
          />
          <FormError message={autosave.failure} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {answer
                ? t('diagnostic.answeredBy', { name: answer.answeredBy, date: formatDateTime(answer.answeredAt) })
                : t('diagnostic.notYetAnswered')}
            </Text>
            <Group gap="xs">
              <FileButton onChange={attach} disabled={closed || uploading}>
                {(props) => (
                  <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />} loading={uploading}>
                    {t('diagnostic.attach')}
                  </Button>
                )}
              </FileButton>
              <SaveState state={autosave.state} onRetry={autosave.flush} />
            </Group>
          </Group>
          {answer && answer.evidence.length > 0 && (
            <Stack gap={4} aria-label={t('diagnostic.evidence')}>
              {answer.evidence.map((file) => (
                <Group key={file.id} gap="xs">
                  <IconPaperclip size={14} />
                  <Tooltip label={t('diagnostic.openEvidence')}>
                    <Anchor size="sm" component="button" type="button" onClick={() => open(file.id)}>
                      {file.fileName}
                    </Anchor>
                  </Tooltip>
                  <Text size="xs" c="dimmed">
                    {formatSize(file.size)} · {file.addedBy}
                  </Text>
                  <Tooltip label={t('diagnostic.downloadEvidence')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={`${t('diagnostic.downloadEvidence')} ${file.fileName}`}
                      onClick={() => download(file.id)}
                    >
                      <IconDownload size={14} />
                    </ActionIcon>
                  </Tooltip>
                  {!closed && (
                    <Tooltip label={t('common.remove')}>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('common.remove')} ${file.fileName}`}
                        onClick={() =>
                          confirmRemoval({
                            title: t('diagnostic.removeEvidenceTitle'),
                            message: t('diagnostic.removeEvidenceConfirm', { name: file.fileName }),
                            remove: () => removeEvidence.mutateAsync({ id: file.id }),
                          })
                        }
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  )
}
