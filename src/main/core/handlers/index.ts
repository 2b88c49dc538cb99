import type { Handlers } from '../dispatcher'
import { appHandlers } from './app'
import { communeHandlers } from './commune'
import { memberHandlers } from './members'
import { profileHandlers } from './profiles'
import { sessionHandlers } from './session'
import { setupHandlers } from './setup'

export const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...sessionHandlers,
  ...communeHandlers,
  ...memberHandlers,
  ...profileHandlers,
}
