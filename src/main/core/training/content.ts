/**
 * The shipped content of the training of élus (resources/formation/formation.json): the legal figures with the texts
 * they come from, the rights in plain French, the public sources and the catalogue of themes per domain. Bundled
 * with the code and validated once; the tests check that every catalogue domain exists in the référentiel.
 */
import raw from '../../../../resources/formation/formation.json'
import { trainingContentSchema, type TrainingContent } from '../../../shared/contract/training'

let content: TrainingContent | null = null

export function trainingContent(): TrainingContent {
  return (content ??= trainingContentSchema.parse(raw))
}
