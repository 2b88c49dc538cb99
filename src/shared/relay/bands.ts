/** Population bands for the anonymous comparison between communes: the desktop and the relay use the same keys. */
export interface PopulationBand {
  key: string
  label: string
  /** Included. */
  min: number
  /** Excluded; null for the last band. */
  max: number | null
}

export const POPULATION_BANDS = [
  { key: '0-199', label: 'moins de 200 habitants', min: 0, max: 200 },
  { key: '200-499', label: 'de 200 à 499 habitants', min: 200, max: 500 },
  { key: '500-999', label: 'de 500 à 999 habitants', min: 500, max: 1000 },
  { key: '1000-1999', label: 'de 1 000 à 1 999 habitants', min: 1000, max: 2000 },
  { key: '2000-3499', label: 'de 2 000 à 3 499 habitants', min: 2000, max: 3500 },
  { key: '3500-9999', label: 'de 3 500 à 9 999 habitants', min: 3500, max: 10000 },
  { key: '10000-19999', label: 'de 10 000 à 19 999 habitants', min: 10000, max: 20000 },
  { key: '20000+', label: '20 000 habitants ou plus', min: 20000, max: null },
] as const satisfies readonly PopulationBand[]

export type PopulationBandKey = (typeof POPULATION_BANDS)[number]['key']
export const POPULATION_BAND_KEYS = POPULATION_BANDS.map((b) => b.key) as [PopulationBandKey, ...PopulationBandKey[]]

/** The band of a population; null when the population is unknown. */
export function populationBand(population: number | null): PopulationBand | null {
  if (population === null) return null
  return POPULATION_BANDS.find((b) => population >= b.min && (b.max === null || population < b.max)) ?? null
}
