/**
 * Where photos live. Today in the database (re-encoded they weigh 100–400 KB); an object store can implement the same
 * interface later without touching the routes.
 */
import { and, eq } from 'drizzle-orm'
import type { Queryable, RelayDb } from '../db/open'
import { photos } from '../db/schema'
import type { ProcessedPhoto } from './process'

export interface StoredPhotoRef {
  id: number
  width: number
  height: number
  bytes: number
}

export interface PhotoStore {
  save(db: Queryable, communeCode: string, inputId: number, position: number, photo: ProcessedPhoto): Promise<StoredPhotoRef>
  /** The bytes of a photo of this commune, or null. */
  read(communeCode: string, id: number, variant: 'image' | 'thumbnail'): Promise<Buffer | null>
}

export function databasePhotoStore(db: RelayDb): PhotoStore {
  return {
    async save(q, communeCode, inputId, position, photo) {
      const [row] = await q
        .insert(photos)
        .values({ communeCode, inputId, position, width: photo.width, height: photo.height, image: photo.image, thumbnail: photo.thumbnail })
        .returning({ id: photos.id })
      return { id: row!.id, width: photo.width, height: photo.height, bytes: photo.image.length }
    },
    async read(communeCode, id, variant) {
      const column = variant === 'image' ? photos.image : photos.thumbnail
      const [row] = await db
        .select({ bytes: column })
        .from(photos)
        .where(and(eq(photos.id, id), eq(photos.communeCode, communeCode)))
      return row?.bytes ?? null
    },
  }
}
