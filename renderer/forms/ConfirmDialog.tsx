import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** The consequence in words: what changes for good when the clerk confirms. */
  consequence: string;
  confirm: string;
  cancel: string;
  /** While the action runs: Confirm stays disabled so a second click cannot repeat it. */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** A choice that belongs to the action itself (e.g. the reason to revoke). */
  children?: ReactNode;
}

/**
 * A modal confirmation for far-reaching actions. Rendered only while asking; the native
 * <dialog> keeps focus inside, and Escape cancels. Cancel has the first focus so that an
 * Enter pressed out of habit does not do the irreversible thing.
 */
export function ConfirmDialog({ title, consequence, confirm, cancel, busy, onConfirm, onCancel, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    cancelButton.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      aria-describedby="confirm-dialog-consequence"
      onCancel={(event) => {
        // Escape: let React unmount the dialog instead of the browser closing it behind React's back.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      <p id="confirm-dialog-consequence">{consequence}</p>
      {children}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" ref={cancelButton} onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </dialog>
  );
}
