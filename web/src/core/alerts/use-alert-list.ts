import { useCallback, useEffect, useRef, useState } from 'react';
import { useAlertEvents } from '../../app/alert-stream';
import { useApi, useSession } from '../../app/auth';
import { buildUrl } from '../../app/api-client';
import type { Alert, Page } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { filtersToApiQuery, matchesFilters, type AlertFilters } from './alert-filters';

const PAGE_SIZE = 50;
// Long enough to notice from across the room, short enough not to be mistaken for a state.
const HIGHLIGHT_MS = 6000;

export function useAlertList(filters: AlertFilters) {
  const api = useApi();
  const { user } = useSession();
  const query = filtersToApiQuery(filters);
  const key = buildUrl('/api/alerts', query);
  const list = useResource(key, () => api.get<Page<Alert>>('/api/alerts', { ...query, limit: PAGE_SIZE }));
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, number>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const highlight = useCallback((id: string) => {
    setHighlighted((prev) => new Set(prev).add(id));
    window.clearTimeout(timers.current.get(id));
    const timer = window.setTimeout(() => {
      setHighlighted((prev) => {
        const next = new Set(prev);
        next.delete(id);
        return next;
      });
      timers.current.delete(id);
    }, HIGHLIGHT_MS);
    timers.current.set(id, timer);
  }, []);

  /** Put a fresh copy of an alert into the list: replace it where it is, or add it on top if it now belongs. */
  const upsert = useCallback(
    (alert: Alert, isNew: boolean) => {
      list.setData((prev) => {
        if (!prev) return prev;
        const index = prev.items.findIndex((a) => a.id === alert.id);
        if (index >= 0) {
          const items = prev.items.slice();
          items[index] = alert;
          return { ...prev, items };
        }
        if (!matchesFilters(alert, filters, user.id)) return prev;
        return { ...prev, items: [alert, ...prev.items] };
      });
      if (isNew && matchesFilters(alert, filters, user.id)) highlight(alert.id);
    },
    [list.setData, filters, user.id, highlight],
  );

  useAlertEvents((type, alert) => upsert(alert, type === 'alert.created'));

  const more = useAction(async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    const page = await api.get<Page<Alert>>('/api/alerts', { ...query, limit: PAGE_SIZE, cursor });
    list.setData((prev) => {
      const seen = new Set(prev?.items.map((a) => a.id));
      return {
        items: [...(prev?.items ?? []), ...page.items.filter((a) => !seen.has(a.id))],
        nextCursor: page.nextCursor,
      };
    });
  });

  return { list, highlighted, upsert, loadMore: more };
}
