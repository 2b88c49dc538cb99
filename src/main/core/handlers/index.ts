import type { Handlers } from '../handler'
import { actionsHandlers } from './actions'
import { answersHandlers } from './answers'
import { appHandlers } from './app'
import { applicabilityHandlers } from './applicability'
import { archiveHandlers } from './archive'
import { backupsHandlers } from './backups'
import { attachmentsHandlers } from './attachments'
import { auditHandlers } from './audit'
import { calendarHandlers } from './calendar'
import { campaignsHandlers } from './campaigns'
import { citizenInputsHandlers } from './citizen-inputs'
import { citizensHandlers } from './citizens'
import { commentsHandlers } from './comments'
import { communeHandlers } from './commune'
import { communeProfileHandlers } from './commune-profile'
import { dashboardHandlers } from './dashboard'
import { diagnosticHandlers } from './diagnostic'
import { directoryHandlers } from './directory'
import { evidenceHandlers } from './evidence'
import { exportsHandlers } from './exports'
import { fundingsHandlers } from './fundings'
import { indicatorsHandlers } from './indicators'
import { logoHandlers } from './logo'
import { comparisonHandlers } from './comparison'
import { portalHandlers } from './portal'
import { newsHandlers } from './news'
import { residentCodesHandlers } from './resident-codes'
import { pollsHandlers } from './polls'
import { pollResultsHandlers } from './poll-results'
import { publicationsHandlers } from './publications'
import { mandateHandlers } from './mandate'
import { measurementsHandlers } from './measurements'
import { membersHandlers } from './members'
import { onboardingHandlers } from './onboarding'
import { recoveryHandlers } from './recovery'
import { participantsHandlers } from './participants'
import { planningHandlers } from './planning'
import { profilesHandlers } from './profiles'
import { projectsHandlers } from './projects'
import { referentielHandlers } from './referentiel'
import { reportsHandlers } from './reports'
import { searchHandlers } from './search'
import { sessionHandlers } from './session'
import { setupHandlers } from './setup'
import { snapshotsHandlers } from './snapshots'
import { tasksHandlers } from './tasks'
import { themesHandlers } from './themes'
import { trainingHandlers } from './training'

/** One file per method prefix (`handlers/<prefix>.ts`); the type checks every method of the contract is here. */
export const handlers: Handlers = {
  ...appHandlers,
  ...directoryHandlers,
  ...setupHandlers,
  ...sessionHandlers,
  ...communeHandlers,
  ...mandateHandlers,
  ...membersHandlers,
  ...profilesHandlers,
  ...referentielHandlers,
  ...communeProfileHandlers,
  ...applicabilityHandlers,
  ...themesHandlers,
  ...campaignsHandlers,
  ...answersHandlers,
  ...evidenceHandlers,
  ...diagnosticHandlers,
  ...snapshotsHandlers,
  ...citizenInputsHandlers,
  ...citizensHandlers,
  ...calendarHandlers,
  ...projectsHandlers,
  ...participantsHandlers,
  ...actionsHandlers,
  ...tasksHandlers,
  ...commentsHandlers,
  ...attachmentsHandlers,
  ...fundingsHandlers,
  ...indicatorsHandlers,
  ...measurementsHandlers,
  ...planningHandlers,
  ...auditHandlers,
  ...searchHandlers,
  ...dashboardHandlers,
  ...onboardingHandlers,
  ...backupsHandlers,
  ...archiveHandlers,
  ...recoveryHandlers,
  ...exportsHandlers,
  ...reportsHandlers,
  ...logoHandlers,
  ...trainingHandlers,
  ...portalHandlers,
  ...comparisonHandlers,
  ...publicationsHandlers,
  ...newsHandlers,
  ...residentCodesHandlers,
  ...pollsHandlers,
  ...pollResultsHandlers,
}
