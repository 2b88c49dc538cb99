import { describe, expect, it } from 'vitest'
import { pollResultsBarsConfig, scoreBarsConfig, scoreRadarConfig, wrapLabel } from './configs'

// French writes thousands with a narrow no-break space (U+202F).
const NNBSP = '\u202f'

/** chart.js calls these with a `this` of its own, unused by ours. */
type Callback = (this: never, ...args: never[]) => unknown
const run = (callback: unknown, ...args: unknown[]) => (callback as Callback).call(undefined as never, ...(args as never[]))

describe('wrapLabel', () => {
  it('cuts long labels at spaces and keeps short ones whole', () => {
    expect(wrapLabel('Économie locale, commerce et tourisme', 20)).toEqual(['Économie locale,', 'commerce et tourisme'])
    expect(wrapLabel('Santé')).toEqual(['Santé'])
  })
})

describe('the numbers a chart shows, in French', () => {
  it('writes a poll’s votes with French thousands, in the tooltip and on the axis', () => {
    const config = pollResultsBarsConfig([{ label: 'Un jardin', online: 1234, paper: 56 }])
    const tooltip = config.options?.plugins?.tooltip?.callbacks?.label
    expect(run(tooltip, { dataset: { label: 'En ligne' }, raw: 1234 })).toBe(`En ligne : 1${NNBSP}234`)
    expect(run(tooltip, { dataset: { label: 'Sur papier' }, raw: 56 })).toBe('Sur papier : 56')
    expect(run(config.options?.scales?.x?.ticks?.callback, 1500, 0, [])).toBe(`1${NNBSP}500`)
  })

  it('writes shares with a decimal comma, in the tooltip and on the axis', () => {
    const bars = scoreBarsConfig([{ label: 'Voirie', done: 42.5, programmed: 7.5, notDone: 30, notAnswered: 20 }])
    expect(run(bars.options?.plugins?.tooltip?.callbacks?.label, { dataset: { label: 'Fait' }, raw: 42.5 })).toBe('Fait : 42,5 %')
    expect(run(bars.options?.scales?.x?.ticks?.callback, 12.5, 0, [])).toBe('12,5 %')
    const radar = scoreRadarConfig(['Voirie'], [{ label: '2026', values: [66.7] }])
    expect(run(radar.options?.plugins?.tooltip?.callbacks?.label, { dataset: { label: '2026' }, raw: 66.7 })).toBe('2026 : 66,7 %')
    expect(run(radar.options?.scales?.r?.ticks?.callback, 25, 0, [])).toBe('25 %')
  })
})
