import { describe, expect, it } from 'vitest'
import { isArticleLink, isWholeCodeLink } from '../../../shared/referentiel/schema'
import { trainingContent } from './content'

describe('the training content', () => {
  it('says « lien vers le code » for every source that opens the whole code, as the référentiel does', () => {
    const content = trainingContent()
    const references = [
      ...content.ruleSources.flatMap((rule) => rule.legalBasis.map((r) => ({ where: rule.rule, r }))),
      ...content.rights.flatMap((right) => right.legalBasis.map((r) => ({ where: right.id, r }))),
    ]
    const toCodes = references.filter(({ r }) => isArticleLink(r.url) || isWholeCodeLink(r.url))
    expect(toCodes.length).toBeGreaterThan(0)
    for (const { where, r } of toCodes) expect(r.linksTo, `${where} : ${r.code} ${r.article}`).toBe(isWholeCodeLink(r.url) ? 'code' : undefined)
  })
})
