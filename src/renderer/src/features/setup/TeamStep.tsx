import { Alert, Divider, Stack, Text, Title } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberInput } from '@shared/contract'
import { fillAdjointRanks, findSecondMaire } from '@shared/team-rules'
import { ApiError } from '../../api/client'
import { GuardedModal } from '../../components/GuardedModal'
import { MemberForm } from '../team/MemberForm'
import { MemberTable } from '../team/MemberTable'
import { EMPTY_MEMBER, toFormValues, toMemberInput, type MemberFormValues } from '../team/member-form-values'

/** The wizard keeps the team in memory; the main process's one-maire rule is checked here for a quick answer. */
function checkSingleMaire(members: MemberInput[], candidate: MemberInput, exceptIndex: number | null): void {
  if (candidate.role !== 'maire') return
  const others = members.filter((_, i) => i !== exceptIndex)
  const secondMaire = findSecondMaire([...others, candidate])
  if (secondMaire) {
    throw new ApiError({ code: 'CONFLICT', message: secondMaire.message, issues: [{ path: 'role', message: secondMaire.fieldMessage }] })
  }
}

function nextRole(members: MemberInput[]): MemberFormValues {
  const hasMaire = members.some((m) => m.role === 'maire')
  return { ...EMPTY_MEMBER, role: hasMaire ? 'adjoint' : 'maire' }
}

interface TeamStepProps {
  members: MemberInput[]
  onChange(members: MemberInput[]): void
  onPendingChange(pending: boolean): void
}

export function TeamStep({ members, onChange, onPendingChange }: TeamStepProps) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<number | null>(null)
  const [formKey, setFormKey] = useState(0)
  // Shows the rank each adjoint will get when saved.
  const rows = fillAdjointRanks(members).map((member, index) => ({ ...member, key: index }))

  return (
    <Stack>
      <Text>{t('setup.team.explain')}</Text>
      {members.length === 0 ? (
        <Alert role="note" icon={<IconInfoCircle size={18} />} color="marianne" variant="light">
          {t('setup.team.empty')}
        </Alert>
      ) : (
        <MemberTable
          members={rows}
          onEdit={(row) => setEditing(row.key)}
          onRemove={(row) => {
            onChange(members.filter((_, i) => i !== row.key))
          }}
        />
      )}
      <Divider />
      <Title order={3} size="h4">
        {t('setup.team.addTitle')}
      </Title>
      <MemberForm
        key={formKey}
        initialValues={nextRole(members)}
        submitLabel={t('setup.team.add')}
        onValuesChange={(values) => onPendingChange(values.firstName.trim() !== '' || values.lastName.trim() !== '')}
        onSubmit={(values) => {
          const input = toMemberInput(values)
          checkSingleMaire(members, input, null)
          onChange([...members, input])
          onPendingChange(false)
          // A fresh form, with the next role suggested.
          setFormKey((k) => k + 1)
        }}
      />
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={t('team.editTitle')} size="lg">
        {editing !== null && members[editing] && (
          <MemberForm
            initialValues={toFormValues(members[editing])}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(null)}
            onSubmit={(values) => {
              const input = toMemberInput(values)
              checkSingleMaire(members, input, editing)
              onChange(members.map((m, i) => (i === editing ? input : m)))
              setEditing(null)
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}
