import type { Handlers } from '../dispatcher'
import { appHandlers } from './app'
import { calendarHandlers } from './calendar'
import { campaignHandlers } from './campaigns'
import { citizenInputHandlers } from './citizen-inputs'
import { diagnosticHandlers } from './diagnostic'
import { evidenceHandlers } from './evidence'
import { profileQuestionnaireHandlers } from './profile'
import { themeHandlers } from './themes'
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
  ...profileQuestionnaireHandlers,
  ...themeHandlers,
  ...campaignHandlers,
  ...evidenceHandlers,
  ...diagnosticHandlers,
  ...citizenInputHandlers,
  ...calendarHandlers,
}
