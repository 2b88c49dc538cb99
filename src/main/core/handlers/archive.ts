import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { HandlersOf } from '../handler'
import { assertMayReplaceData, EXPORTS_FOLDER, madeBy, services, summaryOf } from '../backup/entries'

export const archiveHandlers: HandlersOf<'archive'> = {
  'archive.export': async (_input, context) => {
    const { data } = services(context)
    const fileName = data.suggestedExportName()
    if (context.dialogs) {
      const destination = await context.dialogs.chooseExportPath(fileName)
      if (!destination) return { fileName, size: 0, savedTo: null, downloadUrl: null, cancelled: true }
      rmSync(destination, { force: true })
      const { size } = await data.exportTo(destination, madeBy(context))
      return { fileName, size, savedTo: destination, downloadUrl: null, cancelled: false }
    }
    // The browser host offers it as a download; only the latest export is kept there.
    const folder = join(context.dataDir, EXPORTS_FOLDER)
    mkdirSync(folder, { recursive: true })
    for (const old of readdirSync(folder)) rmSync(join(folder, old), { force: true })
    const { size } = await data.exportTo(join(folder, fileName), madeBy(context))
    return { fileName, size, savedTo: null, downloadUrl: `/api/exports/${encodeURIComponent(fileName)}`, cancelled: false }
  },

  'archive.chooseFile': async (_input, context) => {
    assertMayReplaceData(context)
    const path = context.dialogs ? await context.dialogs.chooseArchive() : null
    return path ? services(context).incoming.register(path) : null
  },

  'archive.prepare': async ({ fileId }, context) => {
    assertMayReplaceData(context)
    const { data, incoming } = services(context)
    const file = incoming.get(fileId)
    if (!file) throw new AppError('NOT_FOUND', "Ce fichier n'est plus disponible : choisissez-le à nouveau.")
    const prepared = await data.prepareImport(file.path, file.fileName)
    return { token: prepared.token, summary: summaryOf(prepared.manifest) }
  },

  'archive.cancel': async ({ token }, context) => {
    await services(context).data.cancelImport(token)
    return { ok: true as const }
  },

  'archive.import': async ({ token }, context) => {
    assertMayReplaceData(context)
    const result = await services(context).data.importPrepared(token, madeBy(context))
    return { ok: true as const, ...result }
  },
}
