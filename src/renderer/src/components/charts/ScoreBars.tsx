import { Bar } from 'react-chartjs-2'
import { scoreBarsConfig, type StackedRow } from '@shared/charts/configs'
import { i18n } from '../../i18n'

export type { StackedRow }

/** Horizontal stacked bars: fait / programmé / pas fait / non renseigné, in %. Greys and black print well. */
export function ScoreBars({ rows, height }: { rows: StackedRow[]; height?: number }) {
  const config = scoreBarsConfig(rows)
  return (
    <div style={{ height: height ?? Math.max(120, rows.length * 40 + 60) }} role="img" aria-label={i18n.t('charts.scoreBars')}>
      <Bar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
