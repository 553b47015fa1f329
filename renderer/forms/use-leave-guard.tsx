import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Every guarded form on screen. react-router asks only the latest blocker, and a page may
 * hold several forms (a venue page: its posting points and its scan count), so each
 * guard's blocker asks whether any of them holds changes.
 */
const guardedForms = new Set<{ current: boolean }>();

interface Options {
  /** What happens to the changes if the clerk leaves (a visit keeps a draft; other forms lose them). */
  consequence?: string;
  /** The button that leaves, worded after that consequence. */
  leave?: string;
  /** Closing the window or reloading is asked too (off when a draft already keeps the work). */
  onUnload?: boolean;
}

/**
 * Holds navigation away from a form with changes: a link or the sidebar asks in the app's
 * ConfirmDialog, closing the window asks through the browser's beforeunload (main answers it
 * with its own dialog in Electron). `release()` lets the form's own navigation after a save
 * through, in the same tick, before React has rendered the form clean.
 */
export function useLeaveGuard(dirty: boolean, { consequence, leave, onUnload = true }: Options = {}): { dialog: ReactNode; release(): void } {
  const { t } = useTranslation();
  // What the blocker reads when a navigation starts: the latest render's answer, or false once released.
  const held = useRef(dirty);
  useLayoutEffect(() => {
    held.current = dirty;
  }, [dirty]);
  useEffect(() => {
    guardedForms.add(held);
    return () => void guardedForms.delete(held);
  }, []);

  // Another page only: a change of the search part of the same page keeps the form.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && [...guardedForms].some((form) => form.current),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty || !onUnload) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty, onUnload]);

  const release = useCallback(() => {
    held.current = false;
  }, []);

  const dialog =
    blocker.state === 'blocked' ? (
      <ConfirmDialog
        title={t('unsaved.title')}
        consequence={consequence ?? t('unsaved.lost')}
        confirm={leave ?? t('unsaved.leave')}
        cancel={t('unsaved.stay')}
        onConfirm={() => blocker.proceed()}
        onCancel={() => blocker.reset()}
      />
    ) : null;
  return { dialog, release };
}
