import { useState } from 'react';
import { createHashRouter, createRoutesFromElements, Route, RouterProvider } from 'react-router';
import { OfficeHistoryPage } from '../audit/OfficeHistoryPage';
import { IssuedDocumentView } from '../documents/IssuedDocumentView';
import { ReminderNotice } from '../documents/ReminderNotice';
import { RoundRecord } from '../documents/RoundRecord';
import { DashboardPage } from '../dashboard/DashboardPage';
import { ExchangePage } from '../exchange/ExchangePage';
import { AppFrame } from '../frame/AppFrame';
import { GuidePage } from '../guide/GuidePage';
import { ImportPage } from '../import/ImportPage';
import { ActionsPage } from '../inspections/ActionsPage';
import { NewRoundPage } from '../inspections/NewRoundPage';
import { RoundPage } from '../inspections/RoundPage';
import { RoundsPage } from '../inspections/RoundsPage';
import { VisitPage } from '../inspections/VisitPage';
import { PrintPage } from '../printing/PrintPage';
import { PrintView } from '../posters/PrintView';
import { ReportsPage } from '../reports/ReportsPage';
import { ReportView } from '../reports/ReportView';
import { ScanImportPage } from '../scans/ScanImportPage';
import { SessionGate } from '../session/SessionGate';
import { SetupPage } from '../setup/SetupPage';
import { StartPage } from '../setup/StartPage';
import { SettingsPage } from '../settings/SettingsPage';
import { StaffPage } from '../staff/StaffPage';
import { UnitsPage } from '../units/UnitsPage';
import { EditVenuePage } from '../venues/EditVenuePage';
import { NewVenuePage } from '../venues/NewVenuePage';
import { VenueListPage } from '../venues/VenueListPage';
import { VenuePage } from '../venues/VenuePage';

/**
 * Hash routes: the same build works from app:// in Electron and from the bridge. A data
 * router (not <HashRouter>) because forms with unsaved changes hold navigation with useBlocker.
 */
const routes = createRoutesFromElements(
  <>
    <Route element={<AppFrame />}>
      {/* The first page after "who is working": first-run setup, or the dashboard. */}
      <Route index element={<StartPage />} />
      <Route path="setup" element={<SetupPage />} />
      <Route path="dashboard" element={<DashboardPage />} />
      <Route path="venues" element={<VenueListPage />} />
      <Route path="venues/new" element={<NewVenuePage />} />
      <Route path="venues/import" element={<ImportPage />} />
      <Route path="scans/import" element={<ScanImportPage />} />
      <Route path="venues/:id" element={<VenuePage />} />
      <Route path="venues/:id/edit" element={<EditVenuePage />} />
      <Route path="posters" element={<PrintPage />} />
      <Route path="inspections" element={<RoundsPage />} />
      <Route path="inspections/new" element={<NewRoundPage />} />
      <Route path="inspections/actions" element={<ActionsPage />} />
      <Route path="inspections/:id" element={<RoundPage />} />
      <Route path="inspections/:id/visit/:venueId" element={<VisitPage />} />
      <Route path="reports" element={<ReportsPage />} />
      <Route path="exchange" element={<ExchangePage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="settings/staff" element={<StaffPage />} />
      <Route path="settings/units" element={<UnitsPage />} />
      <Route path="settings/history" element={<OfficeHistoryPage />} />
      <Route path="guide" element={<GuidePage />} />
      <Route path="guide/:language" element={<GuidePage />} />
    </Route>
    {/* Bare sheets for the OS dialog and the PDF renderer: no app frame around them. */}
    <Route path="print/:jobId" element={<PrintView />} />
    {/* Administrative documents of a round: printable on screen, and what main prints to PDF. */}
    <Route path="documents/round/:roundId" element={<RoundRecord />} />
    <Route path="documents/reminder/:roundId/:venueId" element={<ReminderNotice />} />
    <Route path="documents/issued/:id" element={<IssuedDocumentView />} />
    {/* An issued report, as it was issued: printable on screen, and what main prints to PDF. */}
    <Route path="documents/report/:id" element={<ReportView />} />
  </>,
);

/** Made when the clerk is known, as <HashRouter> was: it starts from the address at that moment. */
function Router() {
  const [router] = useState(() => createHashRouter(routes));
  return <RouterProvider router={router} />;
}

export function App() {
  return (
    <SessionGate>
      <Router />
    </SessionGate>
  );
}
