import { beforeAll, describe, expect, it } from 'vitest'
import { loadCommuneDirectory, type CommuneDirectory } from './directory'
import { foldForSearch, searchTokens } from './normalize'

let directory: CommuneDirectory

beforeAll(() => {
  directory = loadCommuneDirectory()
})

const names = (query: string, limit = 20) => directory.search(query, limit).map((c) => `${c.inseeCode} ${c.name}`)

describe('the offline directory', () => {
  it('holds the current communes only (about 34,969)', () => {
    expect(directory.size).toBeGreaterThanOrEqual(34_900)
    expect(directory.size).toBeLessThanOrEqual(35_100)
  })

  it('gives the figures of Faux-Villecerf', () => {
    expect(directory.get('10145')).toEqual({
      inseeCode: '10145',
      name: 'Faux-Villecerf',
      departementCode: '10',
      departementName: 'Aube',
      regionCode: '44',
      regionName: 'Grand Est',
      postalCodes: ['10290'],
      siren: '211001391',
      population: 215,
      epci: { siren: expect.stringMatching(/^\d{9}$/), name: "CC de l'Orvin et de l'Ardusson", kind: 'CC' },
    })
    expect(directory.get('99999')).toBeUndefined()
  })
})

describe('search by name', () => {
  it.each(['faux vil', 'Faux-Villecerf', 'FAUX VILLECERF', 'fauxvillecerf', 'faux   villecerf ', 'villecerf faux'])(
    '"%s" finds Faux-Villecerf first',
    (query) => {
      expect(names(query)[0]).toBe('10145 Faux-Villecerf')
    },
  )

  it.each(['saint etienne', 'SAINT-ETIENNE', 'st etienne', 'saintetienne', 'Saint-Étienne', 'st-étienne'])(
    '"%s" finds Saint-Étienne (42218) first',
    (query) => {
      const found = directory.search(query, 10)
      expect(found[0]).toMatchObject({ inseeCode: '42218', name: 'Saint-Étienne', departementName: 'Loire' })
      // The other Saint-Étienne-… follow.
      expect(found.slice(1).every((c) => c.name.startsWith('Saint-Étienne'))).toBe(true)
    },
  )

  it('finds names with ligatures and apostrophes, typed either way', () => {
    expect(names('oeuilly')).toEqual(expect.arrayContaining([expect.stringMatching(/ Œuilly$/)]))
    for (const query of ["l'hay les roses", 'l’haÿ-les-roses', 'lhay les roses', 'hay les roses']) {
      expect(names(query), query).toContain("94038 L'Haÿ-les-Roses")
    }
  })

  it('respects the limit', () => {
    expect(directory.search('saint', 5)).toHaveLength(5)
    expect(directory.search('saint', 50)).toHaveLength(50)
  })

  it('finds nothing for a name that does not exist', () => {
    expect(directory.search('zzzqqq', 20)).toEqual([])
  })

  it.each(['', '   ', '-', "'", '…', '!!', ' - ; , '])('an empty or punctuation-only query (%j) returns []', (query) => {
    expect(directory.search(query, 20)).toEqual([])
  })
})

describe('search by name and département', () => {
  it.each(['saint martin aube', 'Saint-Martin (Aube)', 'st martin 10', 'saint martin de aube', 'saint-martin-de-bossenay aube'])(
    '"%s" finds Saint-Martin-de-Bossenay (10351) first',
    (query) => {
      expect(names(query)[0]).toBe('10351 Saint-Martin-de-Bossenay')
    },
  )

  it('keeps to the département named: its name in several words, or its number with or without the zero', () => {
    const inCoteDor = directory.search('saint martin cote d or', 20)
    expect(inCoteDor.map((c) => c.name).sort()).toEqual(['Saint-Martin-de-la-Mer', 'Saint-Martin-du-Mont'])
    expect(directory.search('saint martin 21', 20)).toEqual(inCoteDor)
    expect(names('bourg en bresse 1')[0]).toBe('01053 Bourg-en-Bresse')
    expect(names('bourg 01')).toEqual(names('bourg 1'))
    expect(names('ajaccio 2a')[0]).toBe('2A004 Ajaccio')
  })

  it('a commune whose own name ends like a département still comes first', () => {
    expect(names('bar sur aube').slice(0, 2)).toEqual(['10033 Bar-sur-Aube', '10034 Bar-sur-Seine'])
  })
})

describe('search by code', () => {
  it('a postal code finds the communes it serves, Faux-Villecerf among them', () => {
    const found = directory.search('10290', 50)
    expect(found.map((c) => c.inseeCode)).toContain('10145')
    // Every hit is served by 10290 (or has 10290 as INSEE code, here Planty).
    for (const commune of found) expect(commune.postalCodes.includes('10290') || commune.inseeCode === '10290').toBe(true)
  })

  it('the beginning of a postal code narrows to its département', () => {
    const found = directory.search('102', 50)
    expect(found.length).toBeGreaterThan(10)
    for (const commune of found) expect(commune.postalCodes.some((p) => p.startsWith('102'))).toBe(true)
  })

  it('an INSEE code finds its commune first, Corsica included', () => {
    expect(names('42218')[0]).toBe('42218 Saint-Étienne')
    expect(names('10145')[0]).toBe('10145 Faux-Villecerf')
    expect(names('2A004')[0]).toBe('2A004 Ajaccio')
    expect(names('2a004')[0]).toBe('2A004 Ajaccio')
  })
})

describe('normalisation for search', () => {
  it.each([
    ['Saint-Étienne', 'saint etienne'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Saint-Ouen-l’Aumône', 'saint ouen l aumone'],
    ['Œuilly', 'oeuilly'],
    ['Bœurs-en-Othe', 'boeurs en othe'],
    ['Lætitia', 'laetitia'],
    ['ÉCOUEN', 'ecouen'],
    ['Çà et là', 'ca et la'],
    ['  Faux--Villecerf  ', 'faux villecerf'],
    ['Pont-l’Évêque (Calvados)', 'pont l eveque calvados'],
    ['', ''],
    ['- ’ …', ''],
  ])('foldForSearch(%j) = %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected)
  })

  it('spells out the usual abbreviations of saint and sainte', () => {
    expect(searchTokens('St-Étienne')).toEqual(['saint', 'etienne'])
    expect(searchTokens('Ste Marie')).toEqual(['sainte', 'marie'])
    expect(searchTokens('STES maries de la mer')).toEqual(['saintes', 'maries', 'de', 'la', 'mer'])
    // Only whole words: "stella" stays.
    expect(searchTokens('stella plage')).toEqual(['stella', 'plage'])
    expect(searchTokens(' ; ')).toEqual([])
  })
})

describe("the intercommunalité's kind", () => {
  it('is read from the directory, whatever the name says (« Troyes Champagne Métropole » is a CA)', () => {
    expect(directory.get('10387')!.epci).toMatchObject({ name: 'CA Troyes Champagne Métropole', kind: 'CA' })
    expect(directory.get('72181')!.epci).toMatchObject({ kind: 'CU' })
    expect(directory.get('13055')!.epci).toMatchObject({ kind: 'METRO' })
    // The Métropole de Lyon (a collectivité à statut particulier) exercises a métropole's competences.
    expect(directory.get('69123')!.epci).toMatchObject({ name: 'Métropole de Lyon', kind: 'METRO' })
  })
})
