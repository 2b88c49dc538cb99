import { DATA_DOMAINS, method, methodsOf } from './define'
import { backupIdInput, replacedSchema } from './backups'

export const recoveryMethods = methodsOf('recovery')({
  /** At launch, when the data could not be opened: puts a backup in place (the damaged file is kept aside). */
  'recovery.restore': method({ input: backupIdInput, output: replacedSchema, access: 'public', changes: DATA_DOMAINS }),
})
