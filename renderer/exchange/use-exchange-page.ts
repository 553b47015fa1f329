import { useLocation } from 'react-router';
import type { Settings } from '../../shared/domain/settings';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { useMay } from '../session/use-may';

export interface ExchangePage {
  /** A commune office sends its package up; an upper office follows and receives its communes' packages. */
  page: 'send' | 'communes';
  /** Settings say enough for the page to work: the office's commune, or the upper office's unit. */
  ready: boolean;
  /** The person's role may use it. */
  allowed: boolean;
  settings: Settings;
}

/**
 * Which exchange page this office has, from its settings. Read again on every move to
 * another page, so a kind of office chosen in Settings shows in the menu at the next click.
 */
export function useExchangePage(): ExchangePage | undefined {
  const { pathname } = useLocation();
  const mayPrepare = useMay('exchange.prepare');
  const mayFollow = useMay('exchange.status');
  const settings = useOperation(() => api['settings.get']({}), [pathname]);
  if (!settings?.ok) return undefined;
  const { officeKind, homeCommuneId, upperUnitId } = settings.value;
  return officeKind === 'upper'
    ? { page: 'communes', ready: upperUnitId !== null, allowed: mayFollow, settings: settings.value }
    : { page: 'send', ready: homeCommuneId !== null, allowed: mayPrepare, settings: settings.value };
}
