import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { AppFrame } from '../frame/AppFrame';
import { PlannedPage } from '../frame/PlannedPage';
import { SettingsPage } from '../settings/SettingsPage';
import { NewVenuePage } from '../venues/NewVenuePage';
import { VenueListPage } from '../venues/VenueListPage';

/** Hash routes: the same build works from app:// in Electron and from the bridge. */
export function App() {
  return (
    <HashRouter>
      <Routes>
        <Route element={<AppFrame />}>
          <Route index element={<Navigate to="/venues" replace />} />
          <Route path="venues" element={<VenueListPage />} />
          <Route path="venues/new" element={<NewVenuePage />} />
          <Route path="posters" element={<PlannedPage area="posters" />} />
          <Route path="inspections" element={<PlannedPage area="inspections" />} />
          <Route path="reports" element={<PlannedPage area="reports" />} />
          <Route path="settings" element={<SettingsPage />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
