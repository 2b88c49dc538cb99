import { Bar } from 'react-chartjs-2'
import { pollResultsBarsConfig, type PollOptionBar } from '@shared/charts/configs'

/** One question's answers per choice, online and paper stacked (the same configuration as the results PDF). */
export function PollResultsBars({ rows, label }: { rows: PollOptionBar[]; label: string }) {
  const config = pollResultsBarsConfig(rows)
  return (
    <div style={{ height: Math.max(140, rows.length * 44 + 70) }} role="img" aria-label={label}>
      <Bar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
