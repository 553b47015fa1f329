import { Navigate } from 'react-router';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useMay } from '../session/use-may';
import { officeIsSet } from './office-set';

/**
 * The first page after "who is working": the dashboard, or first-run setup for someone who
 * may set the office up while it still does not say what it is (every start, not just the
 * very first, so a setup left half done is picked up again).
 */
export function StartPage() {
  const maySetUp = useMay('settings.update');
  const settings = useOperation(() => api['settings.get']({}), []);
  if (!maySetUp) return <Navigate to="/dashboard" replace />;
  if (!settings) return null;
  return <Navigate to={settings.ok && !officeIsSet(settings.value) ? '/setup' : '/dashboard'} replace />;
}
