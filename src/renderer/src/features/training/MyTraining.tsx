import { Anchor, Group, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { MemberTrainingCard } from './MemberTraining'

/** « Mes tâches »: the rights, wishes and trainings of the élu shown (nothing for an agent); « Ma formation » for one's own. */
export function MyTraining({ memberId, editable, own }: { memberId: number; editable: boolean; own: boolean }) {
  const { t } = useTranslation()
  const mine = useApiQuery('training.forMember', { memberId })
  if (mine.isError) return <FormError message={mine.error.message} />
  if (!mine.data) return <Loader size="sm" />
  if (!mine.data.member) return null
  return (
    <>
      <MemberTrainingCard member={mine.data.member} content={mine.data.content} providers={mine.data.providers} editable={editable} own={own} />
      <Group justify="flex-end" mt={-8}>
        <Anchor component={Link} to="/formation?onglet=droits" size="sm">
          {t('training.myRights')}
        </Anchor>
      </Group>
    </>
  )
}
