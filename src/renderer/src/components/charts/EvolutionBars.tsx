import { Bar } from 'react-chartjs-2'
import { evolutionBarsConfig } from '@shared/charts/configs'
import { i18n } from '../../i18n'

/** Score per domain for two sources side by side (before / after). */
export function EvolutionBars({ labels, series }: { labels: string[]; series: { label: string; values: (number | null)[] }[] }) {
  const config = evolutionBarsConfig(labels, series)
  return (
    <div style={{ height: Math.max(160, labels.length * 40 + 60) }} role="img" aria-label={i18n.t('charts.evolutionBars')}>
      <Bar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
