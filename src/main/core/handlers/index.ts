import type { Handlers } from '../dispatcher'
import { appHandlers } from './app'
import { calendarHandlers } from './calendar'
import { auditHandlers } from './audit'
import { dashboardHandlers } from './dashboard'
import { exportHandlers } from './exports'
import { icsHandlers } from './ics'
import { searchHandlers } from './search'
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
import { actionHandlers } from './actions'
import { attachmentHandlers } from './attachments'
import { commentHandlers } from './comments'
import { fundingHandlers } from './fundings'
import { indicatorHandlers } from './indicators'
import { participantHandlers } from './participants'
import { planningHandlers } from './planning'
import { projectHandlers } from './projects'
import { taskHandlers } from './tasks'
import { reportHandlers } from './reports'

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
  ...projectHandlers,
  ...participantHandlers,
  ...actionHandlers,
  ...taskHandlers,
  ...commentHandlers,
  ...attachmentHandlers,
  ...fundingHandlers,
  ...indicatorHandlers,
  ...planningHandlers,
  ...auditHandlers,
  ...searchHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...icsHandlers,
  ...reportHandlers,
}
