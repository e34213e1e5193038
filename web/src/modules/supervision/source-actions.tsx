import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DeviceCredentialModal } from './device-credential-modal';
import { useSupervisionI18n } from './i18n';
import type {
  CredentialIssued,
  DeviceCredential,
  Source,
  SourceAnswer,
} from '../../../../src/modules/supervision/supervision.contract.js';

type Asking = 'password' | 'service' | null;

/**
 * An administrator's controls for one source: a new device password (shown once, the old one stops working and the
 * device is disconnected), and taking the source out of service or back.
 */
export function SourceActions({ source, onChanged }: { source: Source; onChanged: () => void }) {
  const api = useApi();
  const { t } = useSupervisionI18n();
  const [asking, setAsking] = useState<Asking>(null);
  const path = `/api/supervision/sources/${encodeURIComponent(source.id)}`;
  const issue = useAction(() => api.post<CredentialIssued>(`${path}/credential`));
  const service = useAction((active: boolean) => api.patch<SourceAnswer>(path, { active }));
  // Kept here, not taken from the action's last result, so a second request shows its own password or none.
  const [issued, setIssued] = useState<DeviceCredential | null>(null);

  return (
    <span className="sv-source-actions">
      <button
        type="button"
        className="btn btn--small"
        onClick={() => setAsking('password')}
        data-testid="sv-source-new-password"
      >
        {t('sources.newPassword')}
      </button>
      <button
        type="button"
        className="btn btn--small btn--ghost"
        onClick={() => setAsking('service')}
        data-testid="sv-source-service"
      >
        {source.active ? t('sources.deactivate') : t('sources.activate')}
      </button>
      {asking === 'password' && !issued && (
        <ConfirmDialog
          title={t('sources.newPassword')}
          message={t('sources.newPasswordConfirm', { id: source.id })}
          confirmLabel={t('sources.newPassword')}
          pending={issue.pending}
          error={issue.error}
          onConfirm={() =>
            void issue.run().then((result) => {
              if (!result) return;
              setIssued(result.credential);
              onChanged();
            })
          }
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'password' && issued && (
        <DeviceCredentialModal
          credential={issued}
          onClose={() => {
            setIssued(null);
            setAsking(null);
          }}
        />
      )}
      {asking === 'service' && (
        <ConfirmDialog
          title={source.active ? t('sources.deactivate') : t('sources.activate')}
          message={t(source.active ? 'sources.deactivateConfirm' : 'sources.activateConfirm', {
            id: source.id,
          })}
          confirmLabel={source.active ? t('sources.deactivate') : t('sources.activate')}
          danger={source.active}
          pending={service.pending}
          error={service.error}
          onConfirm={() =>
            void service.run(!source.active).then((result) => {
              if (!result) return;
              setAsking(null);
              onChanged();
            })
          }
          onCancel={() => setAsking(null)}
        />
      )}
    </span>
  );
}
