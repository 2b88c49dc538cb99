import { expect, type Locator } from '@playwright/test'

/**
 * A table of the portal's items (« Consultations », « Actualités », « Publications du portail ») laid out to be read
 * at this window's width: inside its frame with no scroll bar, and no badge cut short (« En a… »).
 */
export async function expectTableFits(table: Locator): Promise<void> {
  const layout = await table.evaluate((element) => {
    const frame = element.closest('.mantine-Paper-root')
    // Table.ScrollContainer scrolls in a Mantine ScrollArea: its viewport is what would scroll.
    const scroller = element.closest('.mantine-ScrollArea-viewport') ?? element.closest('.mantine-Table-scrollContainer')
    const cut = [...element.querySelectorAll('.mantine-Badge-label')]
      .filter(
        (label) =>
          label.scrollWidth > label.clientWidth || label.getBoundingClientRect().right > label.parentElement!.getBoundingClientRect().right + 0.5,
      )
      .map((label) => label.textContent)
    return {
      tableRight: element.getBoundingClientRect().right,
      // The frame's content box: a table reaching into its padding already touches the border.
      frameRight: frame
        ? frame.getBoundingClientRect().right -
          parseFloat(getComputedStyle(frame).borderRightWidth) -
          parseFloat(getComputedStyle(frame).paddingRight) +
          0.5
        : null,
      scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
      cut,
    }
  })
  expect(layout.frameRight, 'the table sits in a frame').not.toBeNull()
  expect(layout.tableRight, 'the table stays inside its frame').toBeLessThanOrEqual(layout.frameRight!)
  expect(layout.scrolls, 'the table needs no scroll bar at this width').toBe(false)
  expect(layout.cut, 'no badge is cut short').toEqual([])
}

/** A line of text wraps into at most `lines` lines (not a word a line in a squeezed column). */
export async function expectLinesAtMost(text: Locator, lines: number): Promise<void> {
  const { height, lineHeight } = await text.evaluate((element) => ({
    height: element.getBoundingClientRect().height,
    lineHeight: parseFloat(getComputedStyle(element).lineHeight),
  }))
  expect(Math.round(height / lineHeight), `« ${await text.textContent()} » in at most ${lines} lines`).toBeLessThanOrEqual(lines)
}
