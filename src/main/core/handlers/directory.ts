import type { HandlersOf } from '../handler'

export const directoryHandlers: HandlersOf<'directory'> = {
  'directory.searchCommunes': ({ query, limit }, { directory }) => directory().search(query, limit),
}
