import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import type { ApiKey } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { Badge } from '../../components/badge';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { RelativeTime } from '../../components/relative-time';
import { Table, type Column } from '../../components/table';
import { ApiKeyCreateDialog } from './api-key-create-dialog';

export function ApiKeysPage() {
  const api = useApi();
  const { t } = useI18n();
  const { scopeLabel } = useReferenceData();
  const keys = useResource('api-keys', () => api.get<{ apiKeys: ApiKey[] }>('/api/api-keys'));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useAction(async (key: ApiKey) => {
    await api.del(`/api/api-keys/${encodeURIComponent(key.id)}`);
    return true;
  });

  async function confirmRevoke(key: ApiKey) {
    if (!(await revoke.run(key))) return;
    setRevoking(null);
    keys.reload(); // the server stamps revokedAt; show its copy rather than guessing
  }

  const columns: Column<ApiKey>[] = [
    { id: 'name', header: t('apiKeys.col.name'), cell: (k) => <strong>{k.name}</strong> },
    { id: 'client', header: t('apiKeys.col.client'), cell: (k) => t(`client.${k.client}`) },
    { id: 'prefix', header: t('apiKeys.col.prefix'), cell: (k) => <span className="mono">{k.prefix}…</span> },
    {
      id: 'permissions',
      header: t('apiKeys.col.permissions'),
      cell: (k) => (
        <span className="tag-list">
          {k.permissions.map((p) => (
            <code key={p} className="tag">
              {p}
            </code>
          ))}
        </span>
      ),
    },
    { id: 'regions', header: t('apiKeys.col.regions'), cell: (k) => scopeLabel(k.regions) },
    {
      id: 'created',
      header: t('apiKeys.col.created'),
      cell: (k) => <RelativeTime iso={k.createdAt} />,
      className: 'nowrap',
    },
    {
      id: 'lastUsed',
      header: t('apiKeys.col.lastUsed'),
      cell: (k) => <RelativeTime iso={k.lastUsedAt} />,
      className: 'nowrap',
    },
    {
      id: 'status',
      header: t('apiKeys.col.status'),
      cell: (k) =>
        k.revokedAt ? (
          <Badge tone="muted">{t('apiKeys.revoked')}</Badge>
        ) : (
          <Badge tone="success">{t('apiKeys.active')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: <span className="visually-hidden">{t('common.actions')}</span>,
      className: 'cell-actions',
      cell: (k) =>
        k.revokedAt ? null : (
          <button type="button" className="btn btn--small btn--danger-outline" onClick={() => setRevoking(k)}>
            {t('apiKeys.revoke')}
          </button>
        ),
    },
  ];

  const list = keys.data?.apiKeys ?? [];
  return (
    <div className="page" data-testid="api-keys-page">
      <PageHeader
        title={t('apiKeys.title')}
        actions={
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => setCreating(true)}
            data-testid="api-key-create-open"
          >
            {t('apiKeys.create')}
          </button>
        }
      />
      <div className="card card--flush">
        {keys.error ? (
          <ErrorState error={keys.error} onRetry={keys.reload} />
        ) : !keys.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <EmptyState title={t('apiKeys.empty')} hint={t('apiKeys.emptyHint')} />
        ) : (
          <Table
            columns={columns}
            rows={list}
            rowKey={(k) => k.id}
            caption={t('apiKeys.title')}
            rowTestId="api-key-row"
          />
        )}
      </div>
      {creating && (
        <ApiKeyCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(k) => keys.setData((prev) => ({ apiKeys: [k, ...(prev?.apiKeys ?? [])] }))}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('apiKeys.revoke')}
          message={t('apiKeys.revokeConfirm', { name: revoking.name })}
          confirmLabel={t('apiKeys.revoke')}
          danger
          pending={revoke.pending}
          error={revoke.error}
          onConfirm={() => void confirmRevoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </div>
  );
}
