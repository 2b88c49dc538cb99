import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ContentChange } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormError } from '../../components/FormError'
import { formatDate } from '../../lib/format'

type Changed = ContentChange['added'][number]

/** How many criteria of each kind are named; the rest is counted. */
const SHOWN = 8

function ChangedList({ title, items, detail }: { title: string; items: Changed[]; detail(item: Changed): string | null }) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {title} ({items.length})
      </Text>
      <List size="sm" spacing={2}>
        {items.slice(0, SHOWN).map((item) => (
          <List.Item key={item.criterionId}>
            {item.themeTitle} — {item.question}
            {detail(item) && (
              <Text span size="xs" c="dimmed">
                {' '}
                {detail(item)}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {items.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('diagnostic.contentChange.more', { count: items.length - SHOWN })}
        </Text>
      )}
    </Stack>
  )
}

/**
 * An open campaign started on an older référentiel: what changed since (criteria added, removed, reworded, rules
 * changed) and what it means for its answers; an administrator moves it to the current version once read.
 */
export function ContentChangeNotice({ campaignId, change, isAdmin }: { campaignId: number; change: ContentChange; isAdmin: boolean }) {
  const { t } = useTranslation()
  const adopt = useApiMutation('campaigns.adoptVersion')
  const [failure, setFailure] = useState<string | null>(null)
  return (
    <Alert
      role="status"
      color="blue"
      variant="light"
      icon={<IconRefresh size={18} />}
      title={t('diagnostic.contentChange.title', { from: change.from, to: change.to })}
      data-testid="content-change-notice"
    >
      <Stack gap="sm">
        <Text size="sm">{t('diagnostic.contentChange.intro', { date: formatDate(change.checkedOn) })}</Text>
        {change.summary.length > 0 && (
          <List size="sm" spacing={2}>
            {change.summary.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        {change.detailed ? (
          <>
            <ChangedList title={t('diagnostic.contentChange.added')} items={change.added} detail={() => t('diagnostic.contentChange.addedDetail')} />
            <ChangedList
              title={t('diagnostic.contentChange.removed')}
              items={change.removed}
              detail={(item) => (item.wasAnswered ? t('diagnostic.contentChange.removedDetail') : null)}
            />
            <ChangedList
              title={t('diagnostic.contentChange.reworded')}
              items={change.reworded}
              detail={(item) =>
                t(item.wasAnswered ? 'diagnostic.contentChange.rewordedAnswered' : 'diagnostic.contentChange.rewordedDetail', { before: item.before })
              }
            />
            <ChangedList title={t('diagnostic.contentChange.ruleChanged')} items={change.ruleChanged} detail={() => null} />
            {change.ruleChanged.length > 0 && (
              <Text size="xs">
                {t('diagnostic.contentChange.ruleChangedDetail')}{' '}
                <Anchor component={Link} to="/referentiel" size="xs">
                  {t('diagnostic.contentChange.seeReferentiel')}
                </Anchor>
              </Text>
            )}
          </>
        ) : (
          <Text size="sm">{t('diagnostic.contentChange.noDetail', { from: change.from })}</Text>
        )}
        {isAdmin ? (
          <Button
            variant="light"
            size="sm"
            w="fit-content"
            loading={adopt.isPending}
            onClick={() => {
              setFailure(null)
              adopt.mutateAsync({ id: campaignId }).catch((error: Error) => setFailure(error.message))
            }}
          >
            {t('diagnostic.contentChange.adopt', { to: change.to })}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('diagnostic.contentChange.askAdmin')}
          </Text>
        )}
        <FormError message={failure} />
      </Stack>
    </Alert>
  )
}
