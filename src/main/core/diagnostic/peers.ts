/** Population bands for the comparison with similar communes: the same keys as the relay (src/shared/relay). */
export { POPULATION_BANDS, populationBand, type PopulationBand } from '../../../shared/relay/bands'

export const UNKNOWN_BAND_LABEL = 'population inconnue'
