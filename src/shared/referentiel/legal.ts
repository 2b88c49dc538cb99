import type { LegalReference } from './schema'

/** « CGCT, art. L2121-7 », « Règlement (UE) 2016/679 (RGPD), art. 37 »: the same words on screen and in the reports. */
export function legalReferenceLabel(reference: LegalReference): string {
  return `${reference.code}, ${/^\d/.test(reference.article) || /^[LRD]/.test(reference.article) ? 'art. ' : ''}${reference.article}`
}

/** Several references on one line. */
export function legalBasisText(references: LegalReference[]): string {
  return references.map(legalReferenceLabel).join(' ; ')
}
