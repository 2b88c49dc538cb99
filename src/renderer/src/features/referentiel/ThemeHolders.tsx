import { Badge, Button, Group, MultiSelect, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Member, ThemeAssignment } from '@shared/contract'
import { isElectedRole } from '@shared/roles'
import { useApiMutation } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { GuardedModal, useDiscardGuard } from '../../components/GuardedModal'
import { useFormSubmit } from '../../lib/use-form-submit'

type Link = ThemeAssignment['link']

interface ThemeHoldersProps {
  themeId: string
  themeTitle: string
  members: Member[]
  assignments: ThemeAssignment[]
  /** The signed-in profile's own person, if the profile is tied to one. */
  myMemberId: number | null
  isAdmin: boolean
}

/** Who holds the délégation of a theme and who follows it; each élu marks their own, an administrator anyone's. */
export function ThemeHolders({ themeId, themeTitle, members, assignments, myMemberId, isAdmin }: ThemeHoldersProps) {
  const { t } = useTranslation()
  const assign = useApiMutation('themes.assign', { failure: 'notification' })
  const [editing, setEditing] = useState(false)
  const mine = assignments.find((a) => a.themeId === themeId && a.memberId === myMemberId)?.link ?? null
  const byLink = (link: Link) => assignments.filter((a) => a.themeId === themeId && a.link === link).map((a) => a.memberId)
  const nameOf = (id: number) => {
    const m = members.find((x) => x.id === id)
    return m ? `${m.firstName} ${m.lastName}` : '?'
  }
  const options = members
    .filter((m) => isElectedRole(m.role) || m.role === 'secretaire_mairie' || m.role === 'dgs')
    .map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))
  const setMine = (link: Link | null) => assign.mutate({ memberId: myMemberId!, themeId, link })

  const holders = byLink('delegation')
  const followers = byLink('interet')
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {t('referentiel.holders')} :
        </Text>
        {holders.length === 0 ? (
          <Text size="sm" c="orange.8">
            {t('referentiel.nobody')}
          </Text>
        ) : (
          holders.map((id) => (
            <Badge key={id} variant="filled" color="marianne" tt="none">
              {nameOf(id)}
            </Badge>
          ))
        )}
        {followers.map((id) => (
          <Badge key={id} variant="outline" color="gray" tt="none">
            {nameOf(id)} ({t('referentiel.follows')})
          </Badge>
        ))}
      </Group>
      <Group gap="xs">
        {myMemberId !== null && (
          <>
            <Button
              size="compact-sm"
              variant={mine === 'delegation' ? 'filled' : 'light'}
              loading={assign.isPending}
              onClick={() => setMine(mine === 'delegation' ? null : 'delegation')}
            >
              {mine === 'delegation' ? t('referentiel.myDelegationOn') : t('referentiel.myDelegation')}
            </Button>
            <Button
              size="compact-sm"
              variant={mine === 'interet' ? 'filled' : 'light'}
              color="gray"
              loading={assign.isPending}
              onClick={() => setMine(mine === 'interet' ? null : 'interet')}
            >
              {mine === 'interet' ? t('referentiel.myInterestOn') : t('referentiel.myInterest')}
            </Button>
          </>
        )}
        {isAdmin && (
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
            {t('referentiel.assign')}
          </Button>
        )}
      </Group>
      <GuardedModal opened={editing} onClose={() => setEditing(false)} title={t('referentiel.assignTitle', { theme: themeTitle })}>
        {editing && (
          <AssignForm
            themeId={themeId}
            assignments={assignments}
            options={options}
            initial={{ delegation: holders.map(String), interest: followers.map(String) }}
            onDone={() => setEditing(false)}
          />
        )}
      </GuardedModal>
    </Stack>
  )
}

/** The administrator's choice of who holds and who follows a theme; closing it with a change made asks first. */
function AssignForm({
  themeId,
  assignments,
  options,
  initial,
  onDone,
}: {
  themeId: string
  assignments: ThemeAssignment[]
  options: { value: string; label: string }[]
  initial: { delegation: string[]; interest: string[] }
  onDone(): void
}) {
  const { t } = useTranslation()
  const assign = useApiMutation('themes.assign')
  const form = useForm({ mode: 'controlled', initialValues: initial })
  const cancel = useDiscardGuard(form.isDirty(), onDone)
  const submit = useFormSubmit(
    form,
    async ({ delegation, interest }) => {
      const wanted = new Map<number, Link>()
      for (const id of interest) wanted.set(Number(id), 'interet')
      for (const id of delegation) wanted.set(Number(id), 'delegation')
      const current = new Map(assignments.filter((a) => a.themeId === themeId).map((a) => [a.memberId, a.link]))
      for (const [memberId, link] of wanted) if (current.get(memberId) !== link) await assign.mutateAsync({ memberId, themeId, link })
      for (const memberId of current.keys()) if (!wanted.has(memberId)) await assign.mutateAsync({ memberId, themeId, link: null })
    },
    onDone,
  )
  const { delegation, interest } = form.values
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        <MultiSelect
          label={t('referentiel.delegationOf')}
          data={options}
          value={delegation}
          onChange={(ids) => form.setFieldValue('delegation', ids)}
          searchable
        />
        <MultiSelect
          label={t('referentiel.interestOf')}
          data={options.filter((o) => !delegation.includes(o.value))}
          value={interest.filter((i) => !delegation.includes(i))}
          onChange={(ids) => form.setFieldValue('interest', ids)}
          searchable
        />
        <FormActions submit={submit} submitLabel={t('common.save')} onCancel={cancel} />
      </Stack>
    </form>
  )
}
