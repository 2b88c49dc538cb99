import { Anchor, Button, Checkbox, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { confirmRemoval } from '../../components/confirmRemoval'
import { IconWorldOff, IconWorldUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PUBLISHABLE_PROJECT_FIELD_LABELS, PUBLISHABLE_PROJECT_FIELDS, type ProjectPublication, type PublishableProjectField } from '@shared/contract'
import { errorMessage } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { useLeaveGuard } from '../../components/GuardedModal'
import { formatDateTime } from '../../lib/format'
import { NotConnectedNotice } from './NotConnectedNotice'
import { OutboxStateBadge, OutboxStateDetail } from './OutboxState'
import { usePortalNotice, type PortalNotice } from './usePortalNotice'

/** What a project shows by default when first published: everything but the budget, which is shown only if ticked. */
const DEFAULT_FIELDS: PublishableProjectField[] = ['summary', 'progress', 'dates', 'theme']

/** While something waits for the relay, the state on screen is read again now and then. */
export function pendingRefresh(publication: ProjectPublication | undefined): number | false {
  return publication?.item?.state === 'en_attente' ? 5_000 : false
}

/** The state of the last send, in words (a withdrawal says so). */
function PublicationState({ publication }: { publication: ProjectPublication }) {
  const { t } = useTranslation()
  const item = publication.item
  if (!item) return null
  if (item.action === 'delete')
    return (
      <Group gap="xs" role="status" aria-label={t('publications.columns.state')}>
        <Text size="sm" fw={600}>
          {item.state === 'publie' ? t('publications.project.withdrawDone') : t('publications.project.withdrawPending')}
        </Text>
        <OutboxStateDetail item={item} />
      </Group>
    )
  return (
    <Stack gap={2} role="status" aria-label={t('publications.columns.state')}>
      <Group gap="xs">
        <OutboxStateBadge state={item.state} />
        <Text size="sm" fw={600}>
          {t(`publications.project.state.${item.state}`)}
        </Text>
      </Group>
      <OutboxStateDetail item={item} />
    </Stack>
  )
}

/** A project's « Portail citoyen » tab: publish it with the fields the mairie chooses, see its state, withdraw it. */
export function ProjectPortalPanel({ projectId, projectTitle }: { projectId: number; projectTitle: string }) {
  const publication = useApiQuery('publications.project', { projectId }, { refetchInterval: (query) => pendingRefresh(query.state.data) })
  // Here, not in the body: the body starts again when the project is published or withdrawn, the notice goes on.
  const notice = usePortalNotice([publication.data?.item])
  if (publication.isError) return <FormError message={publication.error.message} />
  if (!publication.data) return <Loader />
  const data = publication.data
  // The boxes start again from what is published whenever that changes.
  return <PortalPanelBody key={data.published ? data.fields.join(',') : '-'} data={data} projectTitle={projectTitle} notice={notice} />
}

interface PortalPanelBodyProps {
  data: ProjectPublication
  projectTitle: string
  notice: PortalNotice
}

function PortalPanelBody({ data, projectTitle, notice }: PortalPanelBodyProps) {
  const { t } = useTranslation()
  const projectId = data.projectId
  const publish = useApiMutation('publications.publishProject')
  const withdraw = useApiMutation('publications.withdrawProject')
  const savedFields = data.published ? data.fields : DEFAULT_FIELDS
  const [fields, setFields] = useState<PublishableProjectField[]>(savedFields)
  // Fields ticked or unticked but not yet published would be lost by leaving.
  useLeaveGuard(fields.length !== savedFields.length || fields.some((field) => !savedFields.includes(field)))
  const [failure, setFailure] = useState<string | null>(null)

  async function submit() {
    setFailure(null)
    try {
      await notice.after(publish.mutateAsync({ projectId, fields }), {
        waiting: t('publications.project.queued'),
        sent: t('publications.project.sent'),
      })
    } catch (error) {
      setFailure(errorMessage(error))
    }
  }

  function confirmWithdraw() {
    confirmRemoval({
      title: t('publications.project.withdrawTitle'),
      message: t('publications.project.withdrawConfirm', { title: projectTitle }),
      confirm: t('publications.project.withdraw'),
      remove: () =>
        notice.after(withdraw.mutateAsync({ projectId }), {
          waiting: t('publications.project.withdrawn'),
          sent: t('publications.project.withdrawnSent'),
        }),
    })
  }

  return (
    <Paper withBorder p="md" radius="md" aria-label={t('publications.project.title')} component="section">
      <Stack gap="md" maw={720}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {t('publications.project.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {data.published && data.publishedAt
                ? t('publications.project.publishedSince', { date: formatDateTime(data.publishedAt), who: data.publishedBy ?? '' })
                : t('publications.project.notPublished')}
            </Text>
          </Stack>
          <Group gap="xs">
            {data.published && data.connected && data.portalUrl && (
              <Anchor href={data.portalUrl} target="_blank" rel="noreferrer" size="sm">
                {t('publications.project.seeOnPortal')}
              </Anchor>
            )}
            <Anchor component={Link} to="/publications" size="sm">
              {t('publications.project.allPublications')}
            </Anchor>
          </Group>
        </Group>
        {!data.connected && <NotConnectedNotice />}
        <PublicationState publication={data} />
        <Checkbox.Group
          label={t('publications.project.fieldsLegend')}
          description={t('publications.project.alwaysShown')}
          value={fields}
          onChange={(value) => setFields(value as PublishableProjectField[])}
        >
          <Stack gap={6} mt="xs">
            {PUBLISHABLE_PROJECT_FIELDS.map((field) => (
              <Checkbox key={field} value={field} label={PUBLISHABLE_PROJECT_FIELD_LABELS[field]} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Text size="sm" c="dimmed">
          {t('publications.project.autoRepublish')}
        </Text>
        <FormError message={failure} />
        <Group>
          <Button leftSection={<IconWorldUpload size={18} />} loading={publish.isPending} onClick={() => void submit()}>
            {data.published ? t('publications.project.update') : t('publications.project.publish')}
          </Button>
          {data.published && (
            <Button variant="subtle" color="red" leftSection={<IconWorldOff size={18} />} onClick={confirmWithdraw}>
              {t('publications.project.withdraw')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
