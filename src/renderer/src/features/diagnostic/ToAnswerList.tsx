import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Breakdown, DomainScore } from '@shared/contract'
import { themeAnswersPath } from './labels'

/**
 * The criteria still without an answer, domain by domain, each a link to its first theme left to answer: unanswered is
 * not unmet, and the list stays short enough to keep the findings in view.
 */
export function ToAnswerList({ campaignId, overall, domains }: { campaignId: number; overall: Breakdown; domains: DomainScore[] }) {
  const { t } = useTranslation()
  const count = overall.applicableCriteria - overall.answeredCriteria
  const themes = domains.flatMap((domain) => {
    const first = domain.themes.find((theme) => theme.applies && theme.applicableCriteria > theme.answeredCriteria)
    if (!first) return []
    return [{ themeId: first.themeId, title: domain.title, count: domain.applicableCriteria - domain.answeredCriteria }]
  })
  return (
    <Paper withBorder p="md" radius="md" aria-label={t('diagnostic.stillToAnswer')}>
      <Title order={2} size="h4" mb={4}>
        {t('diagnostic.stillToAnswer')} <span data-testid="still-to-answer">{count}</span>
      </Title>
      <Text size="sm" c="dimmed" mb={themes.length > 0 ? 'sm' : 0}>
        {t('diagnostic.stillToAnswerCount', { count })}
      </Text>
      {themes.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={4}>
          {themes.map((theme) => (
            <Text size="sm" key={theme.themeId}>
              <Anchor component={Link} to={themeAnswersPath(campaignId, theme.themeId)}>
                {theme.title}
              </Anchor>{' '}
              <Text span c="dimmed" size="sm">
                — {t('diagnostic.themeToAnswer', { count: theme.count })}
              </Text>
            </Text>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  )
}
