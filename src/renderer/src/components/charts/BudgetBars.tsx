import { Bar } from 'react-chartjs-2'
import { budgetBarsConfig, type BudgetRow } from '@shared/charts/configs'
import { i18n } from '../../i18n'

export type { BudgetRow }

/** Planned, committed and spent per domain, in euros: light to dark, so it reads in black and white too. */
export function BudgetBars({ rows }: { rows: BudgetRow[] }) {
  const config = budgetBarsConfig(rows)
  return (
    <div style={{ height: Math.max(140, rows.length * 46 + 60) }} role="img" aria-label={i18n.t('charts.budgetBars')}>
      <Bar data={config.data} options={{ ...config.options, maintainAspectRatio: false }} />
    </div>
  )
}
