import { Radar } from 'react-chartjs-2'
import { scoreRadarConfig, type RadarSeries } from '@shared/charts/configs'
import { i18n } from '../../i18n'

export type { RadarSeries }

/** Domain scores on a radar, 0–100 %; several series compare campaigns. */
export function ScoreRadar({ axes, series, height = 480 }: { axes: string[]; series: RadarSeries[]; height?: number }) {
  const config = scoreRadarConfig(axes, series)
  return (
    <div style={{ height }} role="img" aria-label={i18n.t('charts.scoreRadar', { series: series.map((s) => s.label).join(', ') })}>
      <Radar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
