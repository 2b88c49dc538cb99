import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from 'chart.js'

/** Registered once: only the pieces the app draws (tree-shaken build). */
Chart.register(RadialLinearScale, CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend)

Chart.defaults.locale = 'fr-FR'
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
Chart.defaults.color = '#25262b'
// Animations make screenshots and prints show half-drawn charts.
Chart.defaults.animation = false

/** Dark, distinct tones that stay apart when printed in black and white; dashes tell series apart too. */
export const SERIES_STYLES = [
  { color: '#0f3ac8', fill: 'rgba(15, 58, 200, 0.15)', dash: [] as number[] },
  { color: '#6b6b6b', fill: 'rgba(107, 107, 107, 0.12)', dash: [6, 4] },
  { color: '#111111', fill: 'rgba(17, 17, 17, 0.08)', dash: [2, 3] },
]

export const percentFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

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
