export function builderConfig(env?: Record<string, string | undefined>): Record<string, unknown> & {
  publish: Array<{ provider: string; url: string }> | null
}
