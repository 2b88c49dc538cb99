/** The columns of the yearly table of the trainings the commune financed, in the spreadsheet export. */
import type { YearTable } from '../../../shared/contract/training'
import type { Column } from '../exports/table'

type Row = YearTable['rows'][number]

export const YEAR_TABLE_COLUMNS: Column<Row>[] = [
  { header: 'Élu', kind: 'text', width: 26, value: (r) => r.memberName },
  { header: 'Fonction', kind: 'text', width: 24, value: (r) => r.roleLabel || null },
  { header: 'Formation', kind: 'text', width: 40, value: (r) => r.title || null },
  { header: 'Organisme', kind: 'text', width: 30, value: (r) => r.providerName || null },
  { header: 'N° d’agrément', kind: 'text', width: 16, value: (r) => r.approvalNumber || null },
  { header: 'Début', kind: 'date', width: 12, value: (r) => r.startOn || null },
  { header: 'Fin', kind: 'date', width: 12, value: (r) => r.endOn },
  { header: 'Durée (heures)', kind: 'number', width: 10, value: (r) => r.durationHours },
  { header: 'Frais d’enseignement', kind: 'money', width: 16, value: (r) => r.costCents },
  { header: 'Déplacement et séjour', kind: 'money', width: 16, value: (r) => r.travelCents },
  { header: 'Pertes de revenu compensées', kind: 'money', width: 16, value: (r) => r.lostIncomeCents },
  { header: 'Total pour la commune', kind: 'money', width: 16, value: (r) => r.totalCents },
]
