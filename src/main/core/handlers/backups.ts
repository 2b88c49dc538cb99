import type { HandlersOf } from '../handler'
import { backupEntries, checkWritableFolder, listSecond, madeBy, services } from '../backup/entries'

export const backupsHandlers: HandlersOf<'backups'> = {
  'backups.status': async (_input, context) => {
    const { data } = services(context)
    const { engine } = data
    const latest = engine.local.list().backups[0] ?? null
    const settings = engine.settings()
    return {
      folder: engine.local.root,
      latest: latest ? backupEntries([latest], listSecond(context))[0]! : null,
      running: data.current,
      lastFailure: settings.lastFailure,
      secondLocation: settings.secondLocation && {
        path: settings.secondLocation.path,
        lastCopyAt: settings.secondLocation.lastCopyAt,
        lastAttemptAt: settings.secondLocation.lastAttemptAt,
        lastProblem: settings.secondLocation.lastProblem,
      },
      usedBytes: await engine.local.totalSize(),
      warnings: data.warnings(),
      canChoose: context.dialogs !== undefined,
    }
  },

  'backups.list': (_input, context) => backupEntries(services(context).data.engine.local.list().backups, listSecond(context)),

  'backups.create': async (_input, context) => {
    const made = await services(context).data.backupNow('manuelle', madeBy(context))
    return backupEntries([made.backup], listSecond(context))[0]!
  },

  'backups.restore': async ({ id }, context) => {
    const result = await services(context).data.restore(id, madeBy(context))
    return { ok: true as const, ...result }
  },

  'backups.setSecondLocation': ({ path }, context) => {
    if (path !== null) checkWritableFolder(path)
    const at = context.now().toISOString()
    services(context).data.engine.updateSettings((s) => ({
      ...s,
      secondLocation: path === null ? null : { path, chosenAt: at, lastCopyAt: null, lastAttemptAt: null, lastProblem: null },
    }))
    return { ok: true as const }
  },

  'backups.chooseFolder': async (_input, context) => ({ path: context.dialogs ? await context.dialogs.chooseFolder() : null }),
}
