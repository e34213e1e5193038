import { useState, type SubmitEvent } from 'react';
import { useApi, useSession } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import { SEVERITIES, type Agency, type Severity } from '../../app/types';
import { useAction } from '../../app/use-action';
import { ErrorState } from '../../components/error-state';
import { Field } from '../../components/field';
import { ChapterTopicPicker, RegionPicker } from './subscription-pickers';
import { useForecastingI18n } from './i18n';
import type { TopicSubscription } from './types';

interface FormProps {
  agencies: Agency[];
  onCreated: (result: { subscription: TopicSubscription; secret: string }) => void;
}

export function ForecastSubscriptionForm({ agencies, onCreated }: FormProps) {
  const api = useApi();
  const { user } = useSession();
  const { t, tCore, pick } = useForecastingI18n();
  const { regions } = useReferenceData();
  const national = user.regions.includes('*');
  // A liaison may subscribe only within their own regions (the server answers 403 otherwise), so only those are offered.
  const offered = regions.filter((r) => national || user.regions.includes(r.code));
  const [agencyId, setAgencyId] = useState(user.agencyId ?? '');
  const [url, setUrl] = useState('https://');
  const [chosenRegions, setChosenRegions] = useState<string[]>(national ? [] : offered.map((r) => r.code));
  const [topics, setTopics] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState<Severity>('high');
  const [submitted, setSubmitted] = useState(false);
  const create = useAction((body: object) =>
    api.post<{ subscription: TopicSubscription; secret: string }>('/api/subscriptions', body),
  );

  const urlInvalid = !/^https?:\/\/[^\s/]+/.test(url.trim());
  async function handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!agencyId || urlInvalid || chosenRegions.length === 0) return;
    const body = {
      agencyId,
      url: url.trim(),
      regions: chosenRegions,
      modules: ['forecasting'],
      minSeverity,
      ...(topics.length > 0 ? { topics } : {}),
    };
    const res = await create.run(body);
    if (!res) return;
    onCreated(res);
    setSubmitted(false);
    setTopics([]);
  }

  const agency = agencies.find((a) => a.id === user.agencyId);
  return (
    <form
      className="form"
      onSubmit={(e) => void handleSubmit(e)}
      noValidate
      data-testid="fc-subscription-form"
    >
      <div className="form__row">
        <Field
          label={t('sub.agency')}
          required
          error={submitted && !agencyId ? t('sub.agencyRequired') : null}
        >
          {({ id }) =>
            user.agencyId ? (
              <input
                id={id}
                className="input"
                value={agency ? pick(agency.name) : user.agencyId}
                readOnly
                data-testid="fc-subscription-agency"
              />
            ) : (
              <select
                id={id}
                className="input"
                value={agencyId}
                onChange={(e) => setAgencyId(e.target.value)}
                data-testid="fc-subscription-agency"
              >
                <option value="">—</option>
                {agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {pick(a.name)}
                  </option>
                ))}
              </select>
            )
          }
        </Field>
        <Field label={t('sub.minSeverity')} required>
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={minSeverity}
              onChange={(e) => setMinSeverity(e.target.value as Severity)}
              data-testid="fc-subscription-severity"
            >
              {[...SEVERITIES].reverse().map((s) => (
                <option key={s} value={s}>
                  {tCore(`severity.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label={t('sub.url')}
        hint={t('sub.urlHint')}
        required
        error={submitted && urlInvalid ? t('sub.urlInvalid') : null}
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
            data-testid="fc-subscription-url"
          />
        )}
      </Field>
      <RegionPicker
        offered={offered}
        national={national}
        value={chosenRegions}
        onChange={setChosenRegions}
        error={submitted && chosenRegions.length === 0 ? t('sub.regionsRequired') : null}
      />
      <ChapterTopicPicker value={topics} onChange={setTopics} />
      {create.error && <ErrorState error={create.error} inline />}
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.pending}
          data-testid="fc-subscription-submit"
        >
          {create.pending ? tCore('common.working') : t('sub.submit')}
        </button>
      </div>
    </form>
  );
}
