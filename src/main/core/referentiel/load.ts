import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { referentielSchema, type Criterion, type Domain, type Referentiel, type Theme } from '../../../shared/referentiel/schema'

/** The référentiel with its lookup maps, validated once at first use. */
export interface LoadedReferentiel {
  referentiel: Referentiel
  /** Every criterion by id, with its theme and domain. */
  criteria: ReadonlyMap<string, { criterion: Criterion; theme: Theme; domain: Domain }>
  /** Every theme by id, with its domain. */
  themes: ReadonlyMap<string, { theme: Theme; domain: Domain }>
  /** Where the manifests of earlier versions are (`versions/` beside the file); absent for a référentiel built in memory. */
  versionsFolder?: string
}

/** Where the référentiel ships: `resources/referentiel/referentiel.json` (in the packaged app, `<resources>/referentiel/`). */
export function defaultReferentielFile(appRoot: string): string {
  return join(appRoot, 'resources', 'referentiel', 'referentiel.json')
}

/** The file the core reads when none is given: `<appRoot>/resources/referentiel/referentiel.json`, found from sources or out/. */
export function resolveDefaultReferentielFile(findRoot: () => string): string {
  try {
    return defaultReferentielFile(findRoot())
  } catch (cause) {
    throw new ReferentielError("son emplacement n'a pas été indiqué et le dossier de l'application est introuvable.", { cause })
  }
}

/** The référentiel file is missing or does not match its schema: an installation problem, not the user's data. */
export class ReferentielError extends AppError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(
      'INTERNAL',
      `Le référentiel de Cap Commune est illisible : ${detail} Vos données n'ont pas été touchées. Réinstallez Cap Commune ou contactez l'assistance.`,
    )
    this.name = 'ReferentielError'
    if (options?.cause !== undefined) this.cause = options.cause
  }
}

/** Builds the lookup maps and checks what the schema cannot: unique ids, deadlines pointing to real criteria. */
export function indexReferentiel(referentiel: Referentiel): LoadedReferentiel {
  const criteria = new Map<string, { criterion: Criterion; theme: Theme; domain: Domain }>()
  const themes = new Map<string, { theme: Theme; domain: Domain }>()
  const domainIds = new Set<string>()
  for (const domain of referentiel.domains) {
    if (domainIds.has(domain.id)) throw new ReferentielError(`le domaine « ${domain.id} » y figure deux fois.`)
    domainIds.add(domain.id)
    for (const theme of domain.themes) {
      if (themes.has(theme.id)) throw new ReferentielError(`le thème « ${theme.id} » y figure deux fois.`)
      themes.set(theme.id, { theme, domain })
      for (const criterion of theme.criteria) {
        if (criteria.has(criterion.id)) throw new ReferentielError(`le critère « ${criterion.id} » y figure deux fois.`)
        criteria.set(criterion.id, { criterion, theme, domain })
      }
    }
  }
  const deadlineIds = new Set<string>()
  for (const deadline of referentiel.deadlines) {
    if (deadlineIds.has(deadline.id)) throw new ReferentielError(`l'échéance « ${deadline.id} » y figure deux fois.`)
    deadlineIds.add(deadline.id)
    if (deadline.criterionId !== undefined && !criteria.has(deadline.criterionId)) {
      throw new ReferentielError(`l'échéance « ${deadline.id} » renvoie au critère « ${deadline.criterionId} », qui n'existe pas.`)
    }
  }
  return { referentiel, criteria, themes }
}

/** Validates raw JSON (already parsed) against the référentiel schema. */
export function parseReferentiel(raw: unknown): LoadedReferentiel {
  const parsed = referentielSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? ` (à ${issue.path.map(String).join('.')})` : ''
    throw new ReferentielError(`son contenu n'est pas conforme${where} : ${issue.message}.`, { cause: parsed.error })
  }
  return indexReferentiel(parsed.data)
}

/** Reads and validates the référentiel file. */
export function loadReferentiel(file: string): LoadedReferentiel {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (cause) {
    throw new ReferentielError(`le fichier ${file} est introuvable.`, { cause })
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (cause) {
    throw new ReferentielError(`le fichier ${file} n'est pas un JSON valide.`, { cause })
  }
  return { ...parseReferentiel(raw), versionsFolder: join(dirname(file), 'versions') }
}
