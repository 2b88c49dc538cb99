import { Text, type TextProps } from '@mantine/core'

/**
 * A citizen's text, untrusted: rendered as React text (never HTML), line breaks kept, long words broken. Links are
 * left as plain words — nothing a citizen wrote can be clicked.
 */
export function CitizenText({ children, ...props }: TextProps & { children: string }) {
  return (
    <Text {...props} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  )
}
