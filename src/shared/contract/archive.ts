import { DATA_DOMAINS, method, methodsOf } from './define'
import { none, okSchema } from './fields'
import { exportResultSchema, fileIdInput, importTokenInput, incomingFileSchema, preparedImportSchema, replacedSchema } from './backups'

/** Moving the commune to another computer: one `.capcommune` file (docs/sauvegardes.md). */
export const archiveMethods = methodsOf('archive')({
  /** The whole commune as one file, saved where the user chooses (Electron) or offered as a download (browser). */
  'archive.export': method({ input: none, output: exportResultSchema, access: 'admin', changes: [] }),
  /** Importing replaces the data: anyone before the commune is set up (setup wizard), an administrator afterwards. */
  'archive.chooseFile': method({ input: none, output: incomingFileSchema, access: 'public', changes: [] }),
  /** Reads and checks the whole archive into a staging folder; nothing of the current data is touched. */
  'archive.prepare': method({ input: fileIdInput, output: preparedImportSchema, access: 'public', changes: [] }),
  'archive.cancel': method({ input: importTokenInput, output: okSchema, access: 'public', changes: [] }),
  'archive.import': method({ input: importTokenInput, output: replacedSchema, access: 'public', changes: DATA_DOMAINS }),
})
