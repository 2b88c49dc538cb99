import { Bar } from 'react-chartjs-2'
import { percentFormat, SERIES_STYLES, wrapLabel } from './setup'

/** Score per domain for two sources side by side (before / after). */
export function EvolutionBars({ labels, series }: { labels: string[]; series: { label: string; values: (number | null)[] }[] }) {
  return (
    <div style={{ height: Math.max(160, labels.length * 40 + 60) }} role="img" aria-label="Évolution des scores par domaine">
      <Bar
        data={{
          labels: labels.map((label) => wrapLabel(label, 28)),
          // Before in light grey, after in the strong colour: the order reads the same in black and white.
          datasets: series.map((s, i) => ({
            label: s.label,
            data: s.values,
            backgroundColor: i === 0 ? '#bdbdbd' : SERIES_STYLES[0]!.color,
            borderColor: '#000',
            borderWidth: 0.5,
          })),
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          scales: { x: { min: 0, max: 100, ticks: { callback: (value) => `${value} %` } }, y: { ticks: { autoSkip: false } } },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${percentFormat.format(Number(item.raw))} %` } },
          },
        }}
      />
    </div>
  )
}
