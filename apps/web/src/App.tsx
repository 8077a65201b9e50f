import { lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router-dom";
import { AnalyticsPage } from "./analytics/AnalyticsPage.tsx";
import { AudiencesPage } from "./audiences/AudiencesPage.tsx";
import { ContactPage } from "./contacts/ContactPage.tsx";
import { ContactsPage } from "./contacts/ContactsPage.tsx";
import { FunnelBoardPage } from "./funnels/FunnelBoardPage.tsx";
import { FunnelSettingsPage } from "./funnels/FunnelSettingsPage.tsx";
import { FunnelsPage } from "./funnels/FunnelsPage.tsx";
import { NewFunnelPage } from "./funnels/NewFunnelPage.tsx";
import { ImportPage } from "./imports/ImportPage.tsx";
import { AcceptInvitePage } from "./invite/AcceptInvitePage.tsx";
import { JourneysPage } from "./journeys/JourneysPage.tsx";
import { LeadSourcePage } from "./leads/LeadSourcePage.tsx";
import { LeadSourcesPage } from "./leads/LeadSourcesPage.tsx";
import { MailboxPage } from "./mailbox/MailboxPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { SettingsPage } from "./pages/SettingsPage.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { RequireSession } from "./session/RequireSession.tsx";
import { AppShell } from "./shell/AppShell.tsx";
import { TasksPage } from "./tasks/TasksPage.tsx";
import { TemplatesPage } from "./templates/TemplatesPage.tsx";
import { Loading } from "./ui/Loading.tsx";

// The template editor (CodeMirror) loads only when a template is opened.
const TemplateEditorPage = lazy(() =>
  import("./templates/TemplateEditorPage.tsx").then((m) => ({ default: m.TemplateEditorPage })),
);

const BlockEditorPage = lazy(() =>
  import("./templates/BlockEditorPage.tsx").then((m) => ({ default: m.BlockEditorPage })),
);

// The canvas editor (React Flow, the journey validator) loads only when a journey is opened.
const JourneyEditorPage = lazy(() =>
  import("./journeys/JourneyEditorPage.tsx").then((m) => ({ default: m.JourneyEditorPage })),
);

/** Every route of the app; all but the sign-in page need a signed-in user. */
export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/invite/:token" element={<AcceptInvitePage />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/journeys" replace />} />
        <Route path="/journeys" element={<JourneysPage />} />
        <Route
          path="/journeys/:journeyId"
          element={
            <Suspense fallback={<Loading label="Opening the journey…" />}>
              <JourneyEditorPage />
            </Suspense>
          }
        />
        <Route path="/contacts" element={<ContactsPage />} />
        <Route path="/contacts/import" element={<ImportPage />} />
        <Route path="/contacts/:contactId" element={<ContactPage />} />
        <Route path="/funnels" element={<FunnelsPage />} />
        <Route path="/funnels/new" element={<NewFunnelPage />} />
        <Route path="/funnels/:funnelId" element={<FunnelBoardPage />} />
        <Route path="/funnels/:funnelId/settings" element={<FunnelSettingsPage />} />
        <Route path="/leads" element={<LeadSourcesPage />} />
        <Route path="/leads/new/:channel" element={<LeadSourcePage />} />
        <Route path="/leads/:sourceId" element={<LeadSourcePage />} />
        <Route path="/templates" element={<TemplatesPage />} />
        <Route
          path="/templates/blocks/:name"
          element={
            <Suspense fallback={<Loading label="" />}>
              <BlockEditorPage />
            </Suspense>
          }
        />
        <Route
          path="/templates/:templateId"
          element={
            <Suspense fallback={<Loading label="" />}>
              <TemplateEditorPage />
            </Suspense>
          }
        />
        <Route path="/mailbox" element={<MailboxPage />} />
        <Route path="/audiences" element={<AudiencesPage />} />
        <Route path="/analytics/*" element={<AnalyticsPage />} />
        <Route path="/tasks" element={<TasksPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
