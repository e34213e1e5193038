import { useCallback, useRef, useState } from 'react';
import type { ApiError } from './api-client';
import { toApiError } from './use-resource';

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | null;
  /** The value the last successful run returned. */
  lastResult: R | undefined;
  clearError: () => void;
}

/**
 * Wrap a mutation (a POST, PATCH or DELETE) with pending and error state. A second click while one is in flight is
 * ignored, so a double-click cannot acknowledge or revoke twice.
 */
export function useAction<A extends unknown[], R>(perform: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [lastResult, setLastResult] = useState<R | undefined>(undefined);
  const inFlight = useRef(false);
  const performRef = useRef(perform);
  performRef.current = perform;

  const run = useCallback(async (...args: A) => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setPending(true);
    setError(null);
    try {
      const result = await performRef.current(...args);
      setLastResult(() => result);
      return result;
    } catch (err) {
      setError(toApiError(err));
      return undefined;
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, lastResult, clearError };
}
