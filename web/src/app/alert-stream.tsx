import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Alert } from './types';

export type StreamStatus = 'connecting' | 'open' | 'offline';
export type AlertEventType = 'alert.created' | 'alert.updated';
export type AlertListener = (type: AlertEventType, alert: Alert) => void;

interface AlertStream {
  status: StreamStatus;
  subscribe: (listener: AlertListener) => () => void;
}

const StreamContext = createContext<AlertStream | null>(null);
const EVENT_TYPES: AlertEventType[] = ['alert.created', 'alert.updated'];

/**
 * One EventSource per signed-in tab, shared by every screen: the overview refreshes its counts and the inbox
 * inserts rows from the same connection. EventSource reconnects by itself; we only reflect its state.
 */
export function AlertStreamProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const listeners = useRef(new Set<AlertListener>());

  useEffect(() => {
    const source = new EventSource('/api/alerts/stream', { withCredentials: true });
    source.onopen = () => setStatus('open');
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    const handlers = EVENT_TYPES.map((type) => {
      const handler = (event: MessageEvent<string>) => {
        let alert: Alert;
        try {
          alert = JSON.parse(event.data) as Alert;
        } catch {
          return; // a malformed event must not break the inbox
        }
        for (const listener of listeners.current) listener(type, alert);
      };
      source.addEventListener(type, handler);
      return [type, handler] as const;
    });
    return () => {
      for (const [type, handler] of handlers) source.removeEventListener(type, handler);
      source.close();
    };
  }, []);

  const subscribe = useCallback((listener: AlertListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <StreamContext.Provider value={value}>{children}</StreamContext.Provider>;
}

export function useAlertStream(): AlertStream {
  const value = useContext(StreamContext);
  if (!value) throw new Error('useAlertStream must be used inside AlertStreamProvider');
  return value;
}

/** Subscribe a screen to alert events; the latest callback is always used, without resubscribing. */
export function useAlertEvents(listener: AlertListener): void {
  const { subscribe } = useAlertStream();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe((type, alert) => ref.current(type, alert)), [subscribe]);
}
