import { api } from '../api/client';
import { useOperation } from '../api/use-operation';

/**
 * Whether this office is an upper office (a province, or a district for older data): its
 * lists hold several communes' venues, so they name each venue's commune.
 */
export function useUpperOffice(): boolean {
  const settings = useOperation(() => api['settings.get']({}), []);
  return settings?.ok === true && settings.value.officeKind === 'upper';
}
