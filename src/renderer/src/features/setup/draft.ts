import type { DirectoryCommune, MemberInput } from '@shared/contract'
import { DEFAULT_MANDATE } from '@shared/contract'
import type { CommuneProfile } from '@shared/referentiel/profile'

/** What the wizard has collected so far; kept in the browser storage so a reload loses nothing (never the password). */
export interface SetupDraft {
  commune: DirectoryCommune | null
  mandate: { startYear: number | ''; endYear: number | ''; installedOn: string | null }
  members: MemberInput[]
  administrator: { memberIndex: number | null; displayName: string }
  /** The profile step: null until it is first shown (then filled with the defaults of the commune and the team). */
  communeProfile: CommuneProfile | null
  /** Confirmed with « Confirmer le profil » (true) or left for later (false). */
  profileReviewed: boolean
  /** The population totale typed in the profile step; '' keeps the directory's municipale standing in. */
  population: { populationTotale: number | ''; year: number | '' }
}

const DRAFT_KEY = 'cap-commune.setup-draft'

export const EMPTY_DRAFT: SetupDraft = {
  commune: null,
  mandate: { ...DEFAULT_MANDATE },
  members: [],
  administrator: { memberIndex: null, displayName: '' },
  communeProfile: null,
  profileReviewed: false,
  population: { populationTotale: '', year: '' },
}

export function loadDraft(): SetupDraft {
  try {
    const stored = localStorage.getItem(DRAFT_KEY)
    return stored ? { ...EMPTY_DRAFT, ...(JSON.parse(stored) as Partial<SetupDraft>) } : EMPTY_DRAFT
  } catch {
    return EMPTY_DRAFT
  }
}

export function saveDraft(draft: SetupDraft): void {
  localStorage.setItem(DRAFT_KEY, JSON.stringify(draft))
}

export function clearDraft(): void {
  localStorage.removeItem(DRAFT_KEY)
}
