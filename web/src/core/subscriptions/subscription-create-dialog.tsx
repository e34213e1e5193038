import { useState, type SubmitEvent } from 'react';
import { useApi, useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useReferenceData } from '../../app/reference-data';
import { SEVERITIES, type Agency, type Severity, type Subscription } from '../../app/types';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { Checkbox, Field, FieldGroup } from '../../components/field';
import { Modal } from '../../components/modal';
import { RegionScopeSelect } from '../../components/region-scope-select';
import { SecretOnce } from '../../components/secret-once';
import { FormActions } from '../../components/form-actions';

interface Props {
  agencies: Agency[];
  onClose: () => void;
  onCreated: (subscription: Subscription) => void;
}

export function SubscriptionCreateDialog({ agencies, onClose, onCreated }: Props) {
  const api = useApi();
  const { user } = useSession();
  const { t, pick } = useI18n();
  const { modules } = useReferenceData();
  // A liaison works for one agency; start from it so the usual case is one less choice.
  const [agencyId, setAgencyId] = useState(user.agencyId ?? '');
  const [url, setUrl] = useState('https://');
  const [regions, setRegions] = useState<string[]>([]);
  const [moduleIds, setModuleIds] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState<Severity>('high');
  const [submitted, setSubmitted] = useState(false);
  const create = useAction((body: object) =>
    api.post<{ subscription: Subscription; secret: string }>('/api/subscriptions', body),
  );
  const created = create.lastResult;

  const urlInvalid = !/^https?:\/\/[^\s/]+/.test(url.trim());
  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!agencyId || urlInvalid || regions.length === 0) return;
    // No module ticked means every module, which the API spells ['*'].
    const modulesToSend = moduleIds.length > 0 ? moduleIds : ['*'];
    const res = await create.run({ agencyId, url: url.trim(), regions, modules: modulesToSend, minSeverity });
    if (res) onCreated(res.subscription);
  }

  if (created) {
    return (
      <Modal title={t('subs.secretTitle')} onClose={onClose} testId="subscription-created">
        <p className="mono small">{created.subscription.url}</p>
        <SecretOnce label={t('subs.secretLabel')} secret={created.secret} warning={t('subs.secretWarning')} />
        <div className="form__actions">
          <button type="button" className="btn btn--primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('subs.create')} onClose={onClose} wide testId="subscription-create">
      <form className="form" onSubmit={(e) => void handleSubmit(e)} noValidate>
        <div className="form__row">
          <Field
            label={t('subs.col.agency')}
            required
            error={submitted && !agencyId ? t('subs.agencyRequired') : null}
          >
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={agencyId}
                onChange={(e) => setAgencyId(e.target.value)}
                data-testid="subscription-agency"
              >
                <option value="">—</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {pick(a.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('subs.col.minSeverity')} required>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={minSeverity}
                onChange={(e) => setMinSeverity(e.target.value as Severity)}
              >
                {[...SEVERITIES].reverse().map((s) => (
                  <option key={s} value={s}>
                    {t(`severity.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          label={t('subs.col.url')}
          hint={t('subs.urlHint')}
          required
          error={submitted && urlInvalid ? t('alert.required') : null}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              className="input mono"
              type="url"
              inputMode="url"
              aria-describedby={describedBy}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              data-testid="subscription-url"
            />
          )}
        </Field>
        <RegionScopeSelect
          legend={t('subs.col.regions')}
          value={regions}
          onChange={setRegions}
          error={submitted && regions.length === 0 ? t('scope.required') : null}
        />
        <FieldGroup
          legend={t('subs.col.modules')}
          hint={modules.length === 0 ? t('subs.noModules') : t('subs.allModules')}
        >
          {modules.length > 0 && (
            <div className="checkbox-grid">
              {modules.map((m) => (
                <Checkbox
                  key={m.id}
                  label={pick(m.name)}
                  checked={moduleIds.includes(m.id)}
                  onChange={(on) =>
                    setModuleIds((prev) => (on ? [...prev, m.id] : prev.filter((x) => x !== m.id)))
                  }
                />
              ))}
            </div>
          )}
        </FieldGroup>
        {create.error && <ErrorState error={create.error} inline />}
        <FormActions
          submitLabel={t('common.create')}
          pending={create.pending}
          onCancel={onClose}
          submitTestId="subscription-submit"
        />
      </form>
    </Modal>
  );
}
