import { Bar } from 'react-chartjs-2'
import { percentFormat, wrapLabel } from './setup'

export interface StackedRow {
  label: string
  done: number
  programmed: number
  notDone: number
  notAnswered: number
}

/** Horizontal stacked bars: fait / programmé / pas fait / non renseigné, in %. Greys and black print well. */
export function ScoreBars({ rows, height }: { rows: StackedRow[]; height?: number }) {
  const parts = [
    { key: 'done', label: 'Fait', color: '#0f3ac8' },
    { key: 'programmed', label: 'Programmé', color: '#7d97e8' },
    { key: 'notDone', label: 'Pas fait', color: '#3a3a3a' },
    { key: 'notAnswered', label: 'Non renseigné', color: '#d9d9d9' },
  ] as const
  return (
    <div style={{ height: height ?? Math.max(120, rows.length * 40 + 60) }} role="img" aria-label="Répartition des réponses par thème">
      <Bar
        data={{
          labels: rows.map((r) => wrapLabel(r.label, 28)),
          datasets: parts.map((part) => ({
            label: part.label,
            data: rows.map((r) => r[part.key]),
            backgroundColor: part.color,
            borderColor: '#000',
            borderWidth: 0.5,
          })),
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          scales: {
            x: { stacked: true, min: 0, max: 100, ticks: { callback: (value) => `${value} %` } },
            y: { stacked: true, ticks: { autoSkip: false } },
          },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${percentFormat.format(Number(item.raw))} %` } },
          },
        }}
      />
    </div>
  )
}
