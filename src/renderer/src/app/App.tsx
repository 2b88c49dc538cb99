import { Navigate, Route, Routes } from 'react-router'
import { useApiQuery, useDataChangedRefresh } from '../api/hooks'
import { CenteredMessage } from '../components/CenteredMessage'
import { AuditPage } from '../features/audit/AuditPage'
import { CitizensPage } from '../features/citizens/CitizensPage'
import { CalendarPage } from '../features/calendar/CalendarPage'
import { PollsPage } from '../features/polls/PollsPage'
import { PlanningPage } from '../features/planning/PlanningPage'
import { PollResultsPage } from '../features/poll-results/PollResultsPage'
import { PublicationsPage } from '../features/publications/PublicationsPage'
import { ProjectPage } from '../features/projects/ProjectPage'
import { ProjectsPage } from '../features/projects/ProjectsPage'
import { MyTasksPage } from '../features/tasks/MyTasksPage'
import { DiagnosticPage } from '../features/diagnostic/DiagnosticPage'
import { ThemeAnswersPage } from '../features/diagnostic/ThemeAnswersPage'
import { HomePage } from '../features/home/HomePage'
import { ReferentielPage } from '../features/referentiel/ReferentielPage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { ProfilePicker } from '../features/session/ProfilePicker'
import { SettingsPage } from '../features/settings/SettingsPage'
import { SetupWizard } from '../features/setup/SetupWizard'
import { RecoveryScreen } from '../features/data/RecoveryScreen'
import { TeamPage } from '../features/team/TeamPage'
import { TrainingPage } from '../features/training/TrainingPage'
import { i18n } from '../i18n'
import { AppLayout } from './AppLayout'

export function App() {
  useDataChangedRefresh()
  const status = useApiQuery('app.status', {})

  if (status.isPending) return <CenteredMessage loading title={i18n.t('app.loading')} />
  if (status.isError) return <CenteredMessage title={i18n.t('app.unavailable')} message={status.error.message} onRetry={() => status.refetch()} />
  if (status.data.recovery) return <RecoveryScreen recovery={status.data.recovery} dataDir={status.data.dataDir} />
  if (!status.data.setupDone) return <SetupWizard />
  if (status.data.activeProfileId === null) return <ProfilePicker profiles={status.data.profiles} />

  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/equipe" element={<TeamPage />} />
        <Route path="/formation" element={<TrainingPage />} />
        <Route path="/referentiel" element={<ReferentielPage />} />
        <Route path="/diagnostic" element={<DiagnosticPage />} />
        <Route path="/diagnostic/:campaignId" element={<DiagnosticPage />} />
        <Route path="/diagnostic/:campaignId/themes/:themeId" element={<ThemeAnswersPage />} />
        <Route path="/calendrier" element={<CalendarPage />} />
        <Route path="/projets" element={<ProjectsPage />} />
        <Route path="/projets/:projectId" element={<ProjectPage />} />
        <Route path="/mes-taches" element={<MyTasksPage />} />
        <Route path="/planning" element={<PlanningPage />} />
        <Route path="/citoyens" element={<CitizensPage />} />
        <Route path="/consultations" element={<PollsPage />} />
        <Route path="/publications" element={<PublicationsPage />} />
        <Route path="/consultations/:pollId/resultats" element={<PollResultsPage />} />
        <Route path="/journal" element={<AuditPage />} />
        <Route path="/rapports" element={<ReportsPage />} />
        <Route path="/parametres/:section?" element={<SettingsPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
  )
}
