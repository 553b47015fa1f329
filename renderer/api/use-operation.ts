import { useEffect, useState, type DependencyList } from 'react';
import type { Result } from '../../shared/api/result';

/**
 * Runs a call whenever its inputs change and keeps only the newest answer, so a slow
 * reply to "cho" never overwrites the reply to "cho ky bac" typed after it.
 */
export function useOperation<T>(call: () => Promise<Result<T>>, deps: DependencyList): Result<T> | undefined {
  const [result, setResult] = useState<Result<T>>();
  useEffect(() => {
    let current = true;
    void call().then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
    // The caller lists what the call depends on, as with useEffect itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
