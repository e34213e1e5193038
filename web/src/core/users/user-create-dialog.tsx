import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { LOCALES, useI18n } from '../../app/i18n';
import type { Agency, Locale, User } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { RegionScopeSelect } from '../../components/region-scope-select';
import { SecretOnce } from '../../components/secret-once';
import { FormActions } from '../../components/form-actions';
import { useReferenceData } from '../../app/reference-data';

const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function UserCreateDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const api = useApi();
  const { t, pick, locale } = useI18n();
  const { roles } = useReferenceData();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<string>('analyst');
  const [regions, setRegions] = useState<string[]>([]);
  const [userLocale, setUserLocale] = useState<Locale>(locale);
  const [agencyId, setAgencyId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const agencies = useResource(role === 'agency_liaison' ? 'agencies' : null, () =>
    api.get<{ agencies: Agency[] }>('/api/agencies'),
  );
  const create = useAction((body: object) => api.post<{ user: User; password: string }>('/api/users', body));

  const regionsError = submitted && regions.length === 0 ? t('scope.required') : null;
  const created = create.lastResult;

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (regions.length === 0 || !username.trim() || !displayName.trim()) return;
    const res = await create.run({
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      regions,
      locale: userLocale,
      ...(role === 'agency_liaison' && agencyId ? { agencyId } : {}),
    });
    if (res) onCreated(res.user);
  }

  if (created) {
    return (
      <Modal
        title={t('users.createdTitle', { name: created.user.username })}
        onClose={onClose}
        testId="user-created"
      >
        <SecretOnce
          label={t('users.passwordLabel')}
          secret={created.password}
          warning={t('users.passwordOnce')}
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
    <Modal title={t('users.create')} onClose={onClose} wide testId="user-create">
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="form__row">
          <Field
            label={t('users.col.username')}
            required
            error={submitted && !username.trim() ? t('alert.required') : null}
          >
            {({ id }) => (
              <input
                id={id}
                className="input"
                autoComplete="off"
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
                data-testid="user-username"
              />
            )}
          </Field>
          <Field
            label={t('users.col.displayName')}
            required
            error={submitted && !displayName.trim() ? t('alert.required') : null}
          >
            {({ id }) => (
              <input
                id={id}
                className="input"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                required
                data-testid="user-display-name"
              />
            )}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('users.col.role')} required>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={role}
                onChange={(e) => setRole(e.target.value)}
                data-testid="user-role"
              >
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {pick(r.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('users.col.locale')}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={userLocale}
                onChange={(e) => setUserLocale(e.target.value as Locale)}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {role === 'agency_liaison' && (
            <Field label={t('users.col.agency')}>
              {({ id }) => (
                <select
                  id={id}
                  className="input"
                  value={agencyId}
                  onChange={(e) => setAgencyId(e.target.value)}
                >
                  <option value="">{t('users.noAgency')}</option>
                  {agencies.data?.agencies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {pick(a.name)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <RegionScopeSelect
          legend={t('users.col.regions')}
          value={regions}
          onChange={setRegions}
          error={regionsError}
        />
        {create.error && <ErrorState error={create.error} inline />}
        <FormActions
          submitLabel={t('common.create')}
          pending={create.pending}
          onCancel={onClose}
          submitTestId="user-submit"
        />
      </form>
    </Modal>
  );
}
