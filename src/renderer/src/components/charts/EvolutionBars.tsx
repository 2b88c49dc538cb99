import { Bar } from 'react-chartjs-2'
import { evolutionBarsConfig } from '@shared/charts/configs'

/** Score per domain for two sources side by side (before / after). */
export function EvolutionBars({ labels, series }: { labels: string[]; series: { label: string; values: (number | null)[] }[] }) {
  const config = evolutionBarsConfig(labels, series)
  return (
    <div style={{ height: Math.max(160, labels.length * 40 + 60) }} role="img" aria-label="Évolution des scores par domaine">
      <Bar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
