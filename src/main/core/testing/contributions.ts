/** A citizen's contribution as the relay's feed sends it (and the pull stores it), for the desktop's tests. */
import type { PulledItem } from '../../../shared/relay/api'
import type { Db } from '../db/open'
import { storePage } from '../portal/pull'

export type PulledContribution = Extract<PulledItem, { type: 'contribution' }>

export const PULLED_AT = '2026-05-04T10:00:00.000Z'

/** The relay the desktop's tests are connected to. */
export const TEST_RELAY_URL = 'https://relais.example.fr'

/** Contribution `id` (also its feed position), a « besoin » on « voirie », received and awaiting moderation. */
export function pulledContribution(id: number, overrides: Partial<PulledContribution> = {}): PulledContribution {
  return {
    type: 'contribution',
    seq: id,
    id,
    kind: 'besoin',
    author: { pseudonymousId: `c-${id}`, displayName: 'Jeanne B.' },
    title: `Contribution ${id}`,
    body: 'Rue des Prés.',
    topic: 'voirie',
    projectExternalId: null,
    address: null,
    latitude: null,
    longitude: null,
    photos: [],
    status: 'recue',
    publicAnswer: null,
    moderation: 'en_attente',
    reports: { spam: 0, offensant: 0, hors_sujet: 0 },
    createdAt: PULLED_AT,
    updatedAt: PULLED_AT,
    ...overrides,
  }
}

/** Stores `items` as one page of the relay's feed, as a pull does (the cursor moves to the page's last position). */
export function receivePulled(
  db: Db,
  items: PulledItem[],
  { photos = new Map(), at = PULLED_AT }: { photos?: Parameters<typeof storePage>[4]; at?: string } = {},
): void {
  storePage(db, TEST_RELAY_URL, items, Math.max(0, ...items.map((item) => item.seq)), photos, at)
}
