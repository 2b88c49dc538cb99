import { Badge, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Member, ThemeAssignment } from '@shared/contract'
import { isElectedRole } from '@shared/roles'
import { call, errorMessage } from '../../api/client'

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

async function setLink(memberId: number, themeId: string, link: Link | null): Promise<void> {
  await call('themes.assign', { memberId, themeId, link })
}

/** Who holds the délégation of a theme and who follows it; each élu marks their own, an administrator anyone's. */
export function ThemeHolders({ themeId, themeTitle, members, assignments, myMemberId, isAdmin }: ThemeHoldersProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [saving, setSaving] = useState(false)
  const mine = assignments.find((a) => a.themeId === themeId && a.memberId === myMemberId)?.link ?? null
  const byLink = (link: Link) => assignments.filter((a) => a.themeId === themeId && a.link === link).map((a) => a.memberId)
  const nameOf = (id: number) => {
    const m = members.find((x) => x.id === id)
    return m ? `${m.firstName} ${m.lastName}` : '?'
  }
  const [delegation, setDelegation] = useState<string[]>([])
  const [interest, setInterest] = useState<string[]>([])
  const options = members
    .filter((m) => isElectedRole(m.role) || m.role === 'secretaire_mairie' || m.role === 'dgs')
    .map((m) => ({ value: String(m.id), label: `${m.firstName} ${m.lastName}` }))

  async function run(action: () => Promise<void>) {
    setSaving(true)
    try {
      await action()
      await queryClient.invalidateQueries({ queryKey: ['themes.assignments'] })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
    } finally {
      setSaving(false)
    }
  }

  async function saveAll() {
    await run(async () => {
      const wanted = new Map<number, Link>()
      for (const id of interest) wanted.set(Number(id), 'interet')
      for (const id of delegation) wanted.set(Number(id), 'delegation')
      const current = new Map(assignments.filter((a) => a.themeId === themeId).map((a) => [a.memberId, a.link]))
      for (const [memberId, link] of wanted) if (current.get(memberId) !== link) await setLink(memberId, themeId, link)
      for (const memberId of current.keys()) if (!wanted.has(memberId)) await setLink(memberId, themeId, null)
      setEditing(false)
    })
  }

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
              loading={saving}
              onClick={() => run(() => setLink(myMemberId, themeId, mine === 'delegation' ? null : 'delegation'))}
            >
              {mine === 'delegation' ? t('referentiel.myDelegationOn') : t('referentiel.myDelegation')}
            </Button>
            <Button
              size="compact-sm"
              variant={mine === 'interet' ? 'filled' : 'light'}
              color="gray"
              loading={saving}
              onClick={() => run(() => setLink(myMemberId, themeId, mine === 'interet' ? null : 'interet'))}
            >
              {mine === 'interet' ? t('referentiel.myInterestOn') : t('referentiel.myInterest')}
            </Button>
          </>
        )}
        {isAdmin && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setDelegation(holders.map(String))
              setInterest(followers.map(String))
              setEditing(true)
            }}
          >
            {t('referentiel.assign')}
          </Button>
        )}
      </Group>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('referentiel.assignTitle', { theme: themeTitle })}>
        <Stack>
          <MultiSelect label={t('referentiel.delegationOf')} data={options} value={delegation} onChange={setDelegation} searchable />
          <MultiSelect
            label={t('referentiel.interestOf')}
            data={options.filter((o) => !delegation.includes(o.value))}
            value={interest.filter((i) => !delegation.includes(i))}
            onChange={setInterest}
            searchable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={saving} onClick={saveAll}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
