import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { useSupervisionI18n } from './i18n';
import type {
  FlightAnswer,
  SourceList,
  ZoneList,
} from '../../../../src/modules/supervision/supervision.contract.js';
import { FormActions } from '../../components/form-actions';

const HOUR = 3_600_000;

/** A moment as a datetime-local input's value, in the browser's time. */
function inputValue(ms: number): string {
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Files a flight for one of the user's drones: why, who flies it, over which zone, and when. */
export function FlightFileDialog({ onClose, onFiled }: { onClose: () => void; onFiled: () => void }) {
  const api = useApi();
  const { t } = useSupervisionI18n();
  const sources = useResource('sv-flight-drones', () => api.get<SourceList>('/api/supervision/sources'));
  const zones = useResource('sv-zones', () => api.get<ZoneList>('/api/supervision/zones'));
  const loadError = sources.error ?? zones.error;
  const drones = (sources.data?.items ?? []).filter((source) => source.kind === 'drone' && source.active);
  const [droneId, setDroneId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [operator, setOperator] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [start, setStart] = useState(() => inputValue(Date.now()));
  const [end, setEnd] = useState(() => inputValue(Date.now() + 3 * HOUR));
  const [submitted, setSubmitted] = useState(false);
  const file = useAction((body: object) => api.post<FlightAnswer>('/api/supervision/flights', body));
  const chosenDrone = droneId || drones[0]?.id || '';
  const invalidTime = (value: string) => Number.isNaN(new Date(value).getTime());
  const missing = {
    purpose: purpose.trim().length < 10,
    operator: operator.trim().length < 2,
    start: invalidTime(start),
    end: invalidTime(end),
  };

  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!chosenDrone || Object.values(missing).some(Boolean)) return;
    const filed = await file.run({
      droneId: chosenDrone,
      purpose: purpose.trim(),
      operator: operator.trim(),
      ...(zoneId ? { zoneId } : {}),
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(end).toISOString(),
    });
    if (filed) onFiled();
  }

  return (
    <Modal title={t('flights.fileTitle')} onClose={onClose} wide testId="sv-flight-file">
      <form className="form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        {loadError && <ErrorState error={loadError} inline />}
        <div className="form__row">
          <Field label={t('flights.drone')} required>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={chosenDrone}
                onChange={(event) => setDroneId(event.target.value)}
                data-testid="sv-flight-drone"
              >
                {drones.map((drone) => (
                  <option key={drone.id} value={drone.id}>
                    {drone.name} ({drone.id})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('flights.zone')}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={zoneId}
                onChange={(event) => setZoneId(event.target.value)}
                data-testid="sv-flight-zone"
              >
                <option value="">{t('flights.noZone')}</option>
                {(zones.data?.items ?? []).map((zone) => (
                  <option key={zone.id} value={zone.id}>
                    {zone.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          label={t('flights.purpose')}
          hint={t('flights.purposeHint')}
          required
          error={submitted && missing.purpose ? t('flights.required') : null}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              className="input"
              value={purpose}
              aria-describedby={describedBy}
              onChange={(event) => setPurpose(event.target.value)}
              data-testid="sv-flight-purpose"
            />
          )}
        </Field>
        <Field
          label={t('flights.operator')}
          required
          error={submitted && missing.operator ? t('flights.required') : null}
        >
          {({ id }) => (
            <input
              id={id}
              className="input"
              value={operator}
              onChange={(event) => setOperator(event.target.value)}
              data-testid="sv-flight-operator"
            />
          )}
        </Field>
        <div className="form__row">
          <Field
            label={t('flights.start')}
            required
            error={submitted && missing.start ? t('flights.required') : null}
          >
            {({ id }) => (
              <input
                id={id}
                type="datetime-local"
                className="input"
                value={start}
                onChange={(event) => setStart(event.target.value)}
                data-testid="sv-flight-start"
              />
            )}
          </Field>
          <Field
            label={t('flights.end')}
            required
            error={submitted && missing.end ? t('flights.required') : null}
          >
            {({ id }) => (
              <input
                id={id}
                type="datetime-local"
                className="input"
                value={end}
                onChange={(event) => setEnd(event.target.value)}
                data-testid="sv-flight-end"
              />
            )}
          </Field>
        </div>
        {file.error && <ErrorState error={file.error} inline />}
        <FormActions
          submitLabel={t('flights.file')}
          pending={file.pending}
          onCancel={onClose}
          submitTestId="sv-flight-submit"
          disabled={!chosenDrone}
        />
      </form>
    </Modal>
  );
}
