import { useState } from 'react';
import type { AppErrorData, Result } from '../../shared/api/result';

interface Options {
  /** After a change was saved: reload what shows it. */
  onSuccess?(): void;
  /** After every answer, saved or refused: e.g. a toggle that must show the stored value again. */
  onSettled?(): void;
}

/** A button's or small form's change: runs it, keeps the refusal to show, tells whether it was saved. */
export function useAction({ onSuccess, onSettled }: Options = {}) {
  const [failure, setFailure] = useState<AppErrorData>();
  async function run(call: Promise<Result<unknown>>): Promise<boolean> {
    const result = await call;
    setFailure(result.ok ? undefined : result.error);
    if (result.ok) onSuccess?.();
    onSettled?.();
    return result.ok;
  }
  return { failure, setFailure, run };
}
