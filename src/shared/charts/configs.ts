/**
 * The charts of the app, as chart.js configurations built from the same data on screen (react-chartjs-2) and in the
 * PDF reports (chart.js drawing into an SVG canvas in the main process): the numbers cannot differ between the two.
 * Colours are dark, distinct tones with dashes, so that a chart still reads when printed in black and white.
 */
import type { ChartConfiguration } from 'chart.js'
import { formatInteger, formatMeasure, formatPercent, formatWholeEuros, frenchDate } from '../format'

export const SERIES_STYLES = [
  { color: '#0f3ac8', fill: 'rgba(15, 58, 200, 0.15)', dash: [] as number[] },
  { color: '#6b6b6b', fill: 'rgba(107, 107, 107, 0.12)', dash: [6, 4] },
  { color: '#111111', fill: 'rgba(17, 17, 17, 0.08)', dash: [2, 3] },
]

const shortDateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' })

const percentTick = (value: string | number) => formatPercent(Number(value))
const percentTooltip = (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label} : ${formatPercent(Number(item.raw))}`

/** Splits a long label into lines of about `width` characters, at spaces: chart.js draws an array as lines. */
export function wrapLabel(text: string, width = 20): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

export interface RadarSeries {
  label: string
  /** One value per axis, % (null: does not apply). */
  values: (number | null)[]
}

/** Domain scores on a radar, 0–100 %; several series compare campaigns. */
export function scoreRadarConfig(axes: string[], series: RadarSeries[]): ChartConfiguration<'radar', (number | null)[], string[]> {
  return {
    type: 'radar',
    data: {
      labels: axes.map((axis) => wrapLabel(axis, 18)),
      datasets: series.map((s, i) => {
        const style = SERIES_STYLES[i % SERIES_STYLES.length]!
        return {
          label: s.label,
          data: s.values,
          borderColor: style.color,
          backgroundColor: style.fill,
          borderDash: style.dash,
          pointBackgroundColor: style.color,
          // Diamonds rather than circles: as readable, and drawn without curves (lighter in the PDF reports).
          pointStyle: 'rectRot',
          pointRadius: 3.5,
          borderWidth: 2,
          fill: true,
          spanGaps: true,
        }
      }),
    },
    options: {
      layout: { padding: 4 },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, callback: percentTick, backdropColor: 'transparent' },
          pointLabels: { font: { size: 10 }, padding: 4 },
        },
      },
      plugins: {
        legend: { display: series.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: percentTooltip } },
      },
    },
  }
}

/** One dataset per part (fait, programmé… or prévu, engagé…), outlined in black so that light tones print. */
function barDatasets<Row, Key extends keyof Row>(
  parts: readonly { key: Key; label: string; color: string }[],
  rows: Row[],
  value: (raw: number) => number,
) {
  return parts.map((part) => ({
    label: part.label,
    data: rows.map((r) => value(r[part.key] as number)),
    backgroundColor: part.color,
    borderColor: '#000',
    borderWidth: 0.5,
  }))
}

export interface StackedRow {
  label: string
  done: number
  programmed: number
  notDone: number
  notAnswered: number
}

export const SCORE_PARTS = [
  { key: 'done', label: 'Fait', color: '#0f3ac8' },
  { key: 'programmed', label: 'Programmé', color: '#7d97e8' },
  { key: 'notDone', label: 'Pas fait', color: '#3a3a3a' },
  { key: 'notAnswered', label: 'Non renseigné', color: '#d9d9d9' },
] as const

/** Horizontal stacked bars: fait / programmé / pas fait / non renseigné, in %. Greys and black print well. */
export function scoreBarsConfig(rows: StackedRow[]): ChartConfiguration<'bar', number[], string[]> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(r.label, 28)),
      datasets: barDatasets(SCORE_PARTS, rows, (value) => value),
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, min: 0, max: 100, ticks: { callback: percentTick } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: percentTooltip } } },
    },
  }
}

export interface BudgetRow {
  label: string
  plannedCents: number
  committedCents: number
  spentCents: number
}

export const BUDGET_PARTS = [
  { key: 'plannedCents', label: 'Prévu', color: '#c9d3f5' },
  { key: 'committedCents', label: 'Engagé', color: '#6c8deb' },
  { key: 'spentCents', label: 'Réalisé', color: '#0f3ac8' },
] as const

/** Planned, committed and spent per domain, in euros: light to dark, so it reads in black and white too. */
export function budgetBarsConfig(rows: BudgetRow[]): ChartConfiguration<'bar', number[], string[]> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(r.label, 26)),
      datasets: barDatasets(BUDGET_PARTS, rows, (cents) => cents / 100),
    },
    options: {
      indexAxis: 'y',
      // A few round amounts, upright: long euro labels would otherwise slant and overlap.
      scales: {
        x: { min: 0, ticks: { maxTicksLimit: 6, maxRotation: 0, callback: (value) => formatWholeEuros(Number(value)) } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${formatWholeEuros(Number(item.raw))}` } },
      },
    },
  }
}

/** Score per domain for two sources side by side (before / after). */
export function evolutionBarsConfig(
  labels: string[],
  series: { label: string; values: (number | null)[] }[],
): ChartConfiguration<'bar', (number | null)[], string[]> {
  return {
    type: 'bar',
    data: {
      labels: labels.map((label) => wrapLabel(label, 28)),
      // Before in light grey, after in the strong colour: the order reads the same in black and white.
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: i === 0 ? '#bdbdbd' : SERIES_STYLES[0]!.color,
        borderColor: '#000',
        borderWidth: 0.5,
      })),
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 0, max: 100, ticks: { callback: percentTick } }, y: { ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: percentTooltip } } },
    },
  }
}

export interface IndicatorSeries {
  label: string
  unit: string
  points: { measuredOn: string; value: number }[]
  target: number | null
}

/** An impact indicator's measurements over time, with its target as a dashed line. */
export function indicatorLineConfig({ label, unit, points, target }: IndicatorSeries): ChartConfiguration<'line', number[], string> {
  return {
    type: 'line',
    data: {
      labels: points.map((p) => frenchDate(shortDateFormat, new Date(`${p.measuredOn}T12:00:00`))),
      datasets: [
        {
          label,
          data: points.map((p) => p.value),
          borderColor: SERIES_STYLES[0]!.color,
          backgroundColor: SERIES_STYLES[0]!.color,
          borderWidth: 2,
          pointStyle: 'rectRot',
          pointRadius: 4,
        },
        ...(target === null
          ? []
          : [{ label: 'Cible', data: points.map(() => target), borderColor: '#111', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 }]),
      ],
    },
    options: {
      scales: { y: { ticks: { callback: (value) => formatMeasure(Number(value), unit) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${formatMeasure(Number(item.raw), unit)}` } },
      },
    },
  }
}

export interface PollOptionBar {
  label: string
  online: number
  paper: number
}

export const POLL_PARTS = [
  { key: 'online', label: 'En ligne', color: '#0f3ac8' },
  { key: 'paper', label: 'Sur papier', color: '#bdbdbd' },
] as const

/** One question's choices: online and paper stacked (dark and light, readable in black and white), in votes. */
export function pollResultsBarsConfig(rows: PollOptionBar[]): ChartConfiguration<'bar', number[], string[]> {
  return {
    type: 'bar',
    data: { labels: rows.map((r) => wrapLabel(r.label, 28)), datasets: barDatasets(POLL_PARTS, rows, (value) => value) },
    options: {
      indexAxis: 'y',
      scales: {
        // Our fr-FR words, not chart.js's: in the PDF it draws in the main process, whose locale may be English.
        x: { stacked: true, min: 0, ticks: { precision: 0, maxTicksLimit: 8, callback: (value) => formatInteger(Number(value)) } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${formatInteger(Number(item.raw))}` } },
      },
    },
  }
}
