import type { DirectoryCommune, MemberInput } from '../../../../shared/contract'
import { DEFAULT_MANDATE } from '../../../../shared/contract'

/** What the wizard has collected so far; kept in the browser storage so a reload loses nothing (never the password). */
export interface SetupDraft {
  commune: DirectoryCommune | null
  mandate: { startYear: number | ''; endYear: number | ''; installedOn: string | null }
  members: MemberInput[]
  administrator: { memberIndex: number | null; displayName: string }
}

const DRAFT_KEY = 'cap-commune.setup-draft'

export const EMPTY_DRAFT: SetupDraft = {
  commune: null,
  mandate: { ...DEFAULT_MANDATE },
  members: [],
  administrator: { memberIndex: null, displayName: '' },
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
