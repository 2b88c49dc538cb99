import { describe, expect, it } from 'vitest'
import { splitLinks, type TextPart } from './citizen-links'

/** The parts as [written text, address that would open] for links and plain strings for the rest. */
function shown(text: string): (string | [string, string])[] {
  return splitLinks(text).map((part: TextPart) => (part.url ? [part.text, part.url.href] : part.text))
}

/** The parts put back together are always the citizen's text, to the character. */
function joined(text: string): string {
  return splitLinks(text)
    .map((part) => part.text)
    .join('')
}

describe('splitLinks: which addresses of a citizen’s text become links', () => {
  it('finds an https address in a sentence', () => {
    expect(shown('Les travaux sont annoncés sur https://www.troyes.fr/travaux depuis lundi')).toEqual([
      'Les travaux sont annoncés sur ',
      ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'],
      ' depuis lundi',
    ])
    expect(shown('https://www.aube.fr')).toEqual([['https://www.aube.fr', 'https://www.aube.fr/']])
    expect(shown('Deux liens : https://a.example.fr/x et https://b.example.fr/y?z=1#p')).toEqual([
      'Deux liens : ',
      ['https://a.example.fr/x', 'https://a.example.fr/x'],
      ' et ',
      ['https://b.example.fr/y?z=1#p', 'https://b.example.fr/y?z=1#p'],
    ])
  })

  it('leaves every other scheme as plain text', () => {
    for (const text of [
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)//https://x.fr',
      'http://www.troyes.fr/travaux',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'mailto:maire@troyes.fr',
      'file:///C:/Windows/System32/cmd.exe',
      'ftp://ftp.example.fr/',
      'www.troyes.fr',
      'vbscript:msgbox(1)',
    ]) {
      expect(
        splitLinks(text).filter((part) => part.url && !part.url.href.startsWith('https://x.fr')),
        text,
      ).toEqual([])
    }
    // « javascript:…//https://x.fr »: only the https address that follows is a link, and it opens that address.
    expect(shown('JavaScript:alert(1)//https://x.fr')).toEqual(['JavaScript:alert(1)//', ['https://x.fr', 'https://x.fr/']])
  })

  it('leaves addresses with an identifier or a password as plain text, whole', () => {
    expect(shown('https://user:pw@x.example.fr/')).toEqual(['https://user:pw@x.example.fr/'])
    expect(shown('Connectez-vous sur https://www.troyes.fr@evil.example/login')).toEqual([
      'Connectez-vous sur https://www.troyes.fr@evil.example/login',
    ])
    expect(shown('https://admin@x.example.fr')).toEqual(['https://admin@x.example.fr'])
  })

  it('gives look-alike hosts in their ASCII form, so they show as what they are', () => {
    // « аpple.com » with a Cyrillic « а », and « trоyes.fr » with a Cyrillic « о ».
    const [apple] = splitLinks('https://\u0430pple.com/connexion')
    expect(apple!.text).toBe('https://\u0430pple.com/connexion')
    expect(apple!.url!.href).toBe('https://xn--pple-43d.com/connexion')
    expect(apple!.url!.hostname).toBe('xn--pple-43d.com')
    expect(splitLinks('https://tr\u043eyes.fr/')[0]!.url!.hostname).toMatch(/^xn--/)
    expect(shown('https://xn--pple-43d.com/')).toEqual([['https://xn--pple-43d.com/', 'https://xn--pple-43d.com/']])
    // Upper case is lowered, as the browser would.
    expect(shown('HTTPS://WWW.TROYES.FR/Travaux')).toEqual([['HTTPS://WWW.TROYES.FR/Travaux', 'https://www.troyes.fr/Travaux']])
  })

  it('ends an address at invisible or direction-changing characters', () => {
    // A zero-width space after « troyes.fr »: what follows is not part of what would open.
    expect(shown('https://www.troyes.fr\u200b.evil.example/')).toEqual([['https://www.troyes.fr', 'https://www.troyes.fr/'], '\u200b.evil.example/'])
    expect(shown('https://x.example.fr/\u202egpj.exe')).toEqual([['https://x.example.fr/', 'https://x.example.fr/'], '\u202egpj.exe'])
    expect(shown('https://x.example.fr/a\u00a0suite')).toEqual([['https://x.example.fr/a', 'https://x.example.fr/a'], '\u00a0suite'])
  })

  it('keeps the sentence’s punctuation out of the address', () => {
    for (const mark of ['.', ',', ';', ':', '!', '?', '…', '’', "'"]) {
      expect(shown(`Voir https://www.troyes.fr/travaux${mark} Merci`), mark).toEqual([
        'Voir ',
        ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'],
        `${mark} Merci`,
      ])
    }
    expect(shown('(voir https://www.troyes.fr/travaux).')).toEqual([
      '(voir ',
      ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'],
      ').',
    ])
    expect(shown('Fin : https://www.troyes.fr/?!.')).toEqual(['Fin : ', ['https://www.troyes.fr/', 'https://www.troyes.fr/'], '?!.'])
    // Brackets the address opened itself are its own.
    expect(shown('Voir https://fr.wikipedia.org/wiki/Troyes_(Aube).')).toEqual([
      'Voir ',
      ['https://fr.wikipedia.org/wiki/Troyes_(Aube)', 'https://fr.wikipedia.org/wiki/Troyes_(Aube)'],
      '.',
    ])
    expect(shown('[https://www.troyes.fr/a]')).toEqual(['[', ['https://www.troyes.fr/a', 'https://www.troyes.fr/a'], ']'])
  })

  it('finds an address between French quotation marks, with or without their spaces', () => {
    expect(shown('Le site « https://www.troyes.fr/travaux » le dit.')).toEqual([
      'Le site « ',
      ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'],
      ' » le dit.',
    ])
    expect(shown('Le site «\u202fhttps://www.troyes.fr/travaux\u202f».')).toEqual([
      'Le site «\u202f',
      ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'],
      '\u202f».',
    ])
    expect(shown('«https://www.troyes.fr/travaux»')).toEqual(['«', ['https://www.troyes.fr/travaux', 'https://www.troyes.fr/travaux'], '»'])
    expect(shown('“https://www.troyes.fr/a” <https://www.troyes.fr/b>')).toEqual([
      '“',
      ['https://www.troyes.fr/a', 'https://www.troyes.fr/a'],
      '” <',
      ['https://www.troyes.fr/b', 'https://www.troyes.fr/b'],
      '>',
    ])
  })

  it('leaves what is not a real address as text', () => {
    for (const text of ['https://', 'https://.', 'https:// www.troyes.fr', 'https://https://www.troyes.fr', 'https://localhost/', 'https://[oups/']) {
      expect(
        splitLinks(text).some((part) => part.url !== undefined),
        text,
      ).toBe(false)
    }
    expect(shown(`https://www.troyes.fr/${'a'.repeat(2100)}`)).toEqual([`https://www.troyes.fr/${'a'.repeat(2100)}`])
    expect(shown('')).toEqual([''])
  })

  it('reads a 10,000-character text in one pass and gives it back unchanged', () => {
    const texts = [
      'https://'.repeat(1250),
      `${'a'.repeat(9_970)} https://www.troyes.fr/`,
      'https://www.troyes.fr/ '.repeat(435),
      `https://www.troyes.fr/${'('.repeat(5_000)}${')'.repeat(4_978)}`,
      `https://www.troyes.fr/${'.'.repeat(9_978)}`,
      `« https://x.fr » `.repeat(588),
    ]
    for (const text of texts) {
      expect(text.length).toBeGreaterThanOrEqual(9_990)
      const parts = splitLinks(text)
      expect(joined(text)).toBe(text)
      expect(parts.filter((part) => part.url).every((part) => part.url!.protocol === 'https:')).toBe(true)
    }
    expect(splitLinks('https://www.troyes.fr/ '.repeat(435)).filter((part) => part.url)).toHaveLength(435)
    expect(shown(`https://www.troyes.fr/${'.'.repeat(9_978)}`)).toEqual([['https://www.troyes.fr/', 'https://www.troyes.fr/'], '.'.repeat(9_978)])
    // Unbalanced brackets (under the 2,000 characters of a link): the address keeps as many closing ones as it opened.
    const open = `https://www.troyes.fr/${'('.repeat(900)}${')'.repeat(880)}`
    expect(splitLinks(`${open}.`).map((part) => [part.text.length, part.url !== undefined])).toEqual([
      [open.length, true],
      [1, false],
    ])
    const closed = `https://www.troyes.fr/${'('.repeat(880)}${')'.repeat(880)}`
    expect(splitLinks(`${closed}${')'.repeat(20)}`).map((part) => [part.text.length, part.url !== undefined])).toEqual([
      [closed.length, true],
      [20, false],
    ])
  })
})
