import { Radar } from 'react-chartjs-2'
import { percentFormat, SERIES_STYLES, wrapLabel } from './setup'

export interface RadarSeries {
  label: string
  /** One value per axis, % (null: does not apply). */
  values: (number | null)[]
}

/** Domain scores on a radar, 0–100 %; several series compare campaigns. */
export function ScoreRadar({ axes, series, height = 480 }: { axes: string[]; series: RadarSeries[]; height?: number }) {
  return (
    <div style={{ height }} role="img" aria-label={`Radar des scores par domaine : ${series.map((s) => s.label).join(', ')}`}>
      <Radar
        data={{
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
              borderWidth: 2,
              fill: true,
              spanGaps: true,
            }
          }),
        }}
        options={{
          maintainAspectRatio: false,
          layout: { padding: 4 },
          scales: {
            r: {
              min: 0,
              max: 100,
              ticks: { stepSize: 25, callback: (value) => `${value} %`, backdropColor: 'transparent' },
              pointLabels: { font: { size: 10 }, padding: 4 },
            },
          },
          plugins: {
            legend: { display: series.length > 1, position: 'bottom' },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${percentFormat.format(Number(item.raw))} %` } },
          },
        }}
      />
    </div>
  )
}
