import { Stack, Text } from '@mantine/core'
import type { ProjectDetail } from '@shared/contract'
import { formatDateTime } from '../lib/format'

/** Comments oldest first, each with its author and time; `empty` says what to do when there is none yet. */
export function CommentList({ comments, empty }: { comments: ProjectDetail['comments']; empty: string }) {
  if (comments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    )
  return (
    <Stack gap="sm">
      {comments.map((c) => (
        <Stack key={c.id} gap={0}>
          <Text size="xs" c="dimmed">
            {c.authorName} · {formatDateTime(c.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Stack>
      ))}
    </Stack>
  )
}
