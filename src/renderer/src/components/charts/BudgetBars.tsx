import { Bar } from 'react-chartjs-2'
import { wrapLabel } from './setup'

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

export interface BudgetRow {
  label: string
  plannedCents: number
  committedCents: number
  spentCents: number
}

/** Planned, committed and spent per domain, in euros: light to dark, so it reads in black and white too. */
export function BudgetBars({ rows }: { rows: BudgetRow[] }) {
  const parts = [
    { key: 'plannedCents', label: 'Prévu', color: '#c9d3f5' },
    { key: 'committedCents', label: 'Engagé', color: '#6c8deb' },
    { key: 'spentCents', label: 'Réalisé', color: '#0f3ac8' },
  ] as const
  return (
    <div style={{ height: Math.max(140, rows.length * 46 + 60) }} role="img" aria-label="Budget par domaine : prévu, engagé, réalisé">
      <Bar
        data={{
          labels: rows.map((r) => wrapLabel(r.label, 26)),
          datasets: parts.map((part) => ({
            label: part.label,
            data: rows.map((r) => r[part.key] / 100),
            backgroundColor: part.color,
            borderColor: '#000',
            borderWidth: 0.5,
          })),
        }}
        options={{
          indexAxis: 'y',
          maintainAspectRatio: false,
          scales: { x: { min: 0, ticks: { callback: (value) => euros.format(Number(value)) } }, y: { ticks: { autoSkip: false } } },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${euros.format(Number(item.raw))}` } } },
        }}
      />
    </div>
  )
}
