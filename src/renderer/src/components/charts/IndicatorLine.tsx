import { Line } from 'react-chartjs-2'
import { indicatorLineConfig, type IndicatorSeries } from '@shared/charts/configs'
import { i18n } from '../../i18n'

/** An impact indicator's measurements over time, with its target as a dashed line. */
export function IndicatorLine(props: IndicatorSeries) {
  const config = indicatorLineConfig(props)
  return (
    <div style={{ height: 220 }} role="img" aria-label={i18n.t('charts.indicatorLine', { label: props.label })}>
      <Line data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
