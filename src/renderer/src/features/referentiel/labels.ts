import type { CriterionView, ThemeView } from '@shared/contract'

export const KIND_LABELS: Record<CriterionView['kind'], string> = {
  obligation: 'Obligation réglementaire',
  bonne_pratique: 'Bonne pratique',
  indicateur: 'Indicateur',
}

export const KIND_COLORS: Record<CriterionView['kind'], string> = {
  obligation: 'red',
  bonne_pratique: 'marianne',
  indicateur: 'gray',
}

export const HOLDER_LABELS: Record<ThemeView['usualHolder'], string> = {
  commune: 'Compétence de la commune',
  epci: 'Compétence souvent intercommunale',
  partagee: 'Compétence partagée',
}

export { legalReferenceLabel } from '@shared/referentiel/legal'
