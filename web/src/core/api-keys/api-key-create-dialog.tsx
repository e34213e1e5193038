import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { CLIENT_KINDS, type ApiKey, type ClientKind, type PermissionInfo } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Checkbox, Field, FieldGroup } from '../../components/field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { RegionScopeSelect } from '../../components/region-scope-select';
import { SecretOnce } from '../../components/secret-once';
import { FormActions } from '../../components/form-actions';

export function ApiKeyCreateDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (key: ApiKey) => void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [client, setClient] = useState<ClientKind>('eotinish');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const catalogue = useResource('permissions', () =>
    api.get<{ permissions: PermissionInfo[] }>('/api/auth/permissions'),
  );
  const create = useAction((body: object) =>
    api.post<{ apiKey: ApiKey; secret: string }>('/api/api-keys', body),
  );
  const created = create.lastResult;
  // Offer only what a key may hold; older servers that do not mark grantability get the full list.
  const all = catalogue.data?.permissions ?? [];
  const offered = all.some((p) => p.grantableToApiKeys !== undefined)
    ? all.filter((p) => p.grantableToApiKeys)
    : all;

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || permissions.length === 0 || regions.length === 0) return;
    const res = await create.run({ name: name.trim(), client, permissions, regions });
    if (res) onCreated(res.apiKey);
  }

  function togglePermission(id: string, on: boolean) {
    setPermissions((prev) => (on ? [...prev, id] : prev.filter((p) => p !== id)));
  }

  if (created) {
    return (
      <Modal title={t('apiKeys.secretTitle')} onClose={onClose} testId="api-key-created">
        <p>
          <strong>{created.apiKey.name}</strong> <span className="mono muted">{created.apiKey.prefix}…</span>
        </p>
        <SecretOnce
          label={t('apiKeys.secretLabel')}
          secret={created.secret}
          warning={t('apiKeys.secretWarning')}
        />
        <div className="form__actions">
          <button type="button" className="btn btn--primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('apiKeys.create')} onClose={onClose} wide testId="api-key-create">
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="form__row">
          <Field
            label={t('apiKeys.col.name')}
            required
            error={submitted && !name.trim() ? t('alert.required') : null}
          >
            {({ id }) => (
              <input
                id={id}
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                data-testid="api-key-name"
              />
            )}
          </Field>
          <Field label={t('apiKeys.col.client')} required>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={client}
                onChange={(e) => setClient(e.target.value as ClientKind)}
                data-testid="api-key-client"
              >
                {CLIENT_KINDS.map((c) => (
                  <option key={c} value={c}>
                    {t(`client.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <FieldGroup
          legend={t('apiKeys.col.permissions')}
          error={submitted && permissions.length === 0 ? t('apiKeys.permissionsRequired') : null}
        >
          {catalogue.error && <ErrorState error={catalogue.error} onRetry={catalogue.reload} inline />}
          {!catalogue.data && !catalogue.error && <Loading inline />}
          <div className="checkbox-list">
            {offered.map((p) => (
              <Checkbox
                key={p.id}
                checked={permissions.includes(p.id)}
                onChange={(on) => togglePermission(p.id, on)}
                label={
                  <>
                    <span className="mono">{p.id}</span> <span className="muted small">{p.description}</span>
                  </>
                }
              />
            ))}
          </div>
        </FieldGroup>
        <RegionScopeSelect
          legend={t('apiKeys.col.regions')}
          value={regions}
          onChange={setRegions}
          error={submitted && regions.length === 0 ? t('scope.required') : null}
        />
        {create.error && <ErrorState error={create.error} inline />}
        <FormActions
          submitLabel={t('common.create')}
          pending={create.pending}
          onCancel={onClose}
          submitTestId="api-key-submit"
        />
      </form>
    </Modal>
  );
}
