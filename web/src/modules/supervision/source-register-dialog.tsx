import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import type { Localized } from '../../app/types';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { DeviceCredentialModal } from './device-credential-modal';
import { useSupervisionI18n } from './i18n';
import type { SourceRegistered } from '../../../../src/modules/supervision/supervision.contract.js';
import { FormActions } from '../../components/form-actions';

const KINDS = ['camera', 'drone', 'bracelet', 'state_db', 'patrol_app'] as const;
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

interface Agency {
  id: string;
  region: string | null;
  name: Localized;
}

const optionalNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** Registers a source and shows its device login once: the administrator hands it to the installer. */
export function SourceRegisterDialog({
  onClose,
  onRegistered,
}: {
  onClose: () => void;
  onRegistered: () => void;
}) {
  const api = useApi();
  const { t, tOr, pick } = useSupervisionI18n();
  const { regions } = useReferenceData();
  const agencies = useResource('agencies', () => api.get<{ agencies: Agency[] }>('/api/agencies'));
  const [form, setForm] = useState({
    id: '',
    kind: 'camera',
    name: '',
    agencyId: '',
    region: '',
    lat: '',
    lon: '',
    direction: '',
    every: '300',
  });
  const [submitted, setSubmitted] = useState(false);
  const register = useAction((body: object) => api.post<SourceRegistered>('/api/supervision/sources', body));
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((previous) => ({ ...previous, [field]: event.target.value }));
  const invalid = {
    id: !ID_PATTERN.test(form.id),
    name: form.name.trim().length < 2,
    agencyId: !form.agencyId,
    region: !form.region,
  };
  const created = register.lastResult;

  if (created) {
    return (
      <DeviceCredentialModal
        credential={created.credential}
        onClose={() => {
          onRegistered();
          onClose();
        }}
      />
    );
  }

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(invalid).some(Boolean)) return;
    const lat = optionalNumber(form.lat);
    const lon = optionalNumber(form.lon);
    const direction = optionalNumber(form.direction);
    await register.run({
      id: form.id,
      kind: form.kind,
      name: form.name.trim(),
      agencyId: form.agencyId,
      region: form.region,
      ...(lat !== undefined && lon !== undefined ? { location: { lat, lon } } : {}),
      ...(direction !== undefined ? { directionDeg: direction } : {}),
      expectedEverySeconds: Number(form.every),
    });
  }

  const required = (bad: boolean) => (submitted && bad ? t('flights.required') : null);
  return (
    <Modal title={t('sources.register')} onClose={onClose} wide testId="sv-source-register">
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <div className="form__row">
          <Field label={t('sources.id')} hint={t('sources.idHint')} required error={required(invalid.id)}>
            {({ id, describedBy }) => (
              <input
                id={id}
                className="input mono"
                value={form.id}
                aria-describedby={describedBy}
                onChange={set('id')}
                data-testid="sv-register-id"
              />
            )}
          </Field>
          <Field label={t('sources.kind')} required>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={form.kind}
                onChange={set('kind')}
                data-testid="sv-register-kind"
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {tOr(`sourceKind.${kind}`, kind)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('sources.name')} required error={required(invalid.name)}>
          {({ id }) => (
            <input
              id={id}
              className="input"
              value={form.name}
              onChange={set('name')}
              data-testid="sv-register-name"
            />
          )}
        </Field>
        <div className="form__row">
          <Field label={t('sources.agency')} required error={required(invalid.agencyId)}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={form.agencyId}
                onChange={set('agencyId')}
                data-testid="sv-register-agency"
              >
                <option value="">—</option>
                {(agencies.data?.agencies ?? []).map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {pick(agency.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('sources.region')} required error={required(invalid.region)}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={form.region}
                onChange={set('region')}
                data-testid="sv-register-region"
              >
                <option value="">—</option>
                {regions.map((region) => (
                  <option key={region.code} value={region.code}>
                    {pick(region.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('sources.lat')}>
            {({ id }) => (
              <input id={id} className="input" inputMode="decimal" value={form.lat} onChange={set('lat')} />
            )}
          </Field>
          <Field label={t('sources.lon')}>
            {({ id }) => (
              <input id={id} className="input" inputMode="decimal" value={form.lon} onChange={set('lon')} />
            )}
          </Field>
          <Field label={t('sources.direction')}>
            {({ id }) => (
              <input
                id={id}
                className="input"
                inputMode="numeric"
                value={form.direction}
                onChange={set('direction')}
              />
            )}
          </Field>
          <Field label={t('sources.every')}>
            {({ id }) => (
              <input
                id={id}
                className="input"
                inputMode="numeric"
                value={form.every}
                onChange={set('every')}
              />
            )}
          </Field>
        </div>
        {agencies.error && <ErrorState error={agencies.error} inline />}
        {register.error && <ErrorState error={register.error} inline />}
        <FormActions
          submitLabel={t('sources.register')}
          pending={register.pending}
          onCancel={onClose}
          submitTestId="sv-register-submit"
        />
      </form>
    </Modal>
  );
}
