/**
 * Helpers for the SQL the read side writes by hand: drizzle `sql` fragments (bound values), and the same rules as
 * plain SQL text for statements prepared once (`prepared`). Column names passed here are fixed names of the code,
 * never user input.
 */
import type Database from 'better-sqlite3'
import { sql, type SQL } from 'drizzle-orm'

/** `a, b, c` with each value bound, for `IN (…)`. */
export function listOf<T>(values: readonly T[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )
}

/** A string literal in SQL text (quotes doubled): for constants of the code, never for user input. */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** The position of `column`'s value in `values` (0 for the first), values.length for any other: an ORDER BY key. */
export function rankSql(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN ${sqlText(v)} THEN ${i}`).join(' ')} ELSE ${values.length} END`
}

export function rankOf(column: string, values: readonly string[]): SQL {
  return sql.raw(rankSql(column, values))
}

/** `%text%` for LIKE … ESCAPE '\': the user's % and _ are searched as they are. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

const FOLDED: [string, string][] = [
  ['é', 'e'],
  ['è', 'e'],
  ['ê', 'e'],
  ['ë', 'e'],
  ['É', 'e'],
  ['È', 'e'],
  ['Ê', 'e'],
  ['Ë', 'e'],
  ['à', 'a'],
  ['â', 'a'],
  ['ä', 'a'],
  ['À', 'a'],
  ['Â', 'a'],
  ['Ä', 'a'],
  ['î', 'i'],
  ['ï', 'i'],
  ['Î', 'i'],
  ['Ï', 'i'],
  ['ô', 'o'],
  ['ö', 'o'],
  ['Ô', 'o'],
  ['Ö', 'o'],
  ['ù', 'u'],
  ['û', 'u'],
  ['ü', 'u'],
  ['Ù', 'u'],
  ['Û', 'u'],
  ['Ü', 'u'],
  ['ç', 'c'],
  ['Ç', 'c'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['ÿ', 'y'],
]

/**
 * A French sort key for a text column, as SQL text: accents folded, case ignored (« École » between « Eau » and
 * « Étang », not after « Voirie » as with COLLATE NOCASE).
 */
export function frenchSortKeySql(column: string): string {
  const folded = FOLDED.reduce((expr, [from, to]) => `replace(${expr}, '${from}', '${to}')`, column)
  // Plain ASCII (as many bytes as characters) skips the 35 replacements.
  return `lower(CASE WHEN length(${column}) = length(CAST(${column} AS BLOB)) THEN ${column} ELSE ${folded} END)`
}

export function frenchSortKey(column: string): SQL {
  return sql.raw(frenchSortKeySql(column))
}

/** A day (YYYY-MM-DD) as an SQL literal; anything else is refused, so it can sit in SQL text. */
export function dayLiteral(day: string): string {
  if (!/^\d{4}-\d\d-\d\d$/.test(day)) throw new Error(`Jour invalide : ${day}`)
  return `'${day}'`
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/** A statement prepared once per connection. */
export function prepared(sqlite: Database.Database, text: string): Database.Statement {
  let cache = statements.get(sqlite)
  if (!cache) statements.set(sqlite, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = sqlite.prepare(text)))
  return statement
}
