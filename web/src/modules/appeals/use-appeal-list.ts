import { useCallback } from 'react';
import { buildUrl } from '../../app/api-client';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { filtersToApiQuery, type AppealFilters } from './appeal-filters';
import type { AppealPage, AppealQueueItem } from '../../../../src/modules/appeals/appeals.contract.js';

const PAGE_SIZE = 50;

/** The queue as filtered, with cursor paging ("load more") and in-place updates after an analyst acts. */
export function useAppealList(filters: AppealFilters) {
  const api = useApi();
  const query = filtersToApiQuery(filters);
  const key = buildUrl('/api/appeals', query);
  const list = useResource(key, () => api.get<AppealPage>('/api/appeals', { ...query, limit: PAGE_SIZE }));

  /** Replace an appeal where it is in the list; an action never adds a row the filters did not already show. */
  const update = useCallback(
    (appeal: AppealQueueItem) => {
      list.setData((prev) => {
        if (!prev) return prev;
        const index = prev.items.findIndex((a) => a.id === appeal.id);
        if (index < 0) return prev;
        const items = prev.items.slice();
        const current = items[index];
        if (current) items[index] = { ...current, ...pickQueueFields(appeal) };
        return { ...prev, items };
      });
    },
    [list.setData],
  );

  const more = useAction(async () => {
    const cursor = list.data?.nextCursor;
    if (!cursor) return;
    const page = await api.get<AppealPage>('/api/appeals', { ...query, limit: PAGE_SIZE, cursor });
    list.setData((prev) => {
      const seen = new Set(prev?.items.map((a) => a.id));
      return {
        items: [...(prev?.items ?? []), ...page.items.filter((a) => !seen.has(a.id))],
        nextCursor: page.nextCursor,
      };
    });
  });

  return { list, update, loadMore: more };
}

/** Keep the list light: the detail's text, scores and history never go into the table's state. */
function pickQueueFields(a: AppealQueueItem): AppealQueueItem {
  return {
    id: a.id,
    externalId: a.externalId,
    receivedAt: a.receivedAt,
    region: a.region,
    subject: a.subject,
    applicant: a.applicant,
    language: a.language,
    labels: a.labels,
    modelLabels: a.modelLabels,
    riskLevel: a.riskLevel,
    status: a.status,
    slaDueAt: a.slaDueAt,
    overdue: a.overdue,
    routeAgency: a.routeAgency,
  };
}
