import { Accordion, Stack, Text } from '@mantine/core'
import { SCORING_EXPLAINED } from '@shared/scoring-explained'

/** « Comment le score est calculé », folded under the synthesis (the same text as in the diagnostic report). */
export function ScoringExplained() {
  return (
    <Accordion variant="contained" radius="md">
      <Accordion.Item value="scoring">
        <Accordion.Control>{SCORING_EXPLAINED.title}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            {SCORING_EXPLAINED.paragraphs.map((paragraph) => (
              <Text size="sm" key={paragraph}>
                {paragraph}
              </Text>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
