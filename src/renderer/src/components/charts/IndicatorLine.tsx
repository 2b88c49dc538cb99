import { Line } from 'react-chartjs-2'
import { SERIES_STYLES } from './setup'

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 })
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric' })

/** An impact indicator's measurements over time, with its target as a dashed line. */
export function IndicatorLine({ label, unit, points, target }: { label: string; unit: string; points: { measuredOn: string; value: number }[]; target: number | null }) {
  const labels = points.map((p) => dateFormat.format(new Date(`${p.measuredOn}T12:00:00`)))
  return (
    <div style={{ height: 220 }} role="img" aria-label={`Évolution de l’indicateur ${label}`}>
      <Line
        data={{
          labels,
          datasets: [
            { label, data: points.map((p) => p.value), borderColor: SERIES_STYLES[0]!.color, backgroundColor: SERIES_STYLES[0]!.color, borderWidth: 2, pointRadius: 3 },
            ...(target === null
              ? []
              : [{ label: 'Cible', data: points.map(() => target), borderColor: '#111', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0 }]),
          ],
        }}
        options={{
          maintainAspectRatio: false,
          scales: { y: { ticks: { callback: (value) => `${numberFormat.format(Number(value))}${unit ? ` ${unit}` : ''}` } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${numberFormat.format(Number(item.raw))}${unit ? ` ${unit}` : ''}` } } },
        }}
      />
    </div>
  )
}
