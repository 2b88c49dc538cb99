import { describe, expect, it } from 'vitest'
import { budgetBarsConfig } from '../../../shared/charts/configs'
import { chartSvg, compactText, withoutClips } from './charts'

describe('compactText', () => {
  it('joins the words of one label at its first glyph, and keeps labels drawn apart apart', () => {
    const a = 'font-size="12" font-family="Roboto"'
    const svg =
      `<text ${a} x="10, 17.2, 24, " y="40, ">Santé</text><text ${a} x="" y=""></text><text ${a} x="50, 57, " y="40, ">et</text>` +
      `<text ${a} x="" y=""></text><text ${a} x="70, " y="40, ">vie</text>` +
      `<text ${a} x="200, 207, " y="40, ">10</text><text ${a} x="" y=""></text><text ${a} x="220, " y="40, ">%</text><text ${a} x="300, " y="40, ">20</text>`
    expect(compactText(svg)).toBe(
      `<text ${a} x="10" y="40">Santé et vie</text><text ${a} x="200" y="40">10 %</text><text ${a} x="300" y="40">20</text>`,
    )
  })
})

describe('chartSvg', () => {
  it('draws a vector chart sized in points, with French amounts and the legend as text', () => {
    const chart = chartSvg(
      budgetBarsConfig([{ label: 'Enfance, jeunesse et école', plannedCents: 12_500_000, committedCents: 5_000_000, spentCents: 1_000 }]),
      400,
      150,
    )
    expect(chart.svg).toMatch(/^<\?xml[^>]*\?><svg [^>]*width="400" height="150" viewBox="0 0 560 210"/)
    expect(chart.svg).toContain('>Prévu</text>')
    expect(chart.svg).toContain('>Réalisé</text>')
    // Euro ticks in fr-FR, the thousands separator as a no-break space the embedded font can draw.
    expect(chart.svg).toMatch(/>100\u00a0000\u00a0€<\/text>/)
    expect(chart.svg).not.toContain('\u202f')
  })
})

describe('withoutClips', () => {
  it('drops the clip paths and their references, nothing else', () => {
    const svg = '<clipPath id="cl_1"><rect x="4" y="4" width="10" height="10"/></clipPath><g clip-path="url(#cl_1)"><path d="M0 0L1 1"/></g>'
    expect(withoutClips(svg)).toBe('<g><path d="M0 0L1 1"/></g>')
  })
})
