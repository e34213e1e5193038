import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { NoteDialog } from '../../core/alerts/note-dialog';
import { useAppealsI18n, type AppealsKey } from './i18n';
import type { Applicant } from './types';

// Personal data may be processed only for a stated purpose (Law of the Republic of Kazakhstan of 21 May 2013
// No. 94-V "On Personal Data and Their Protection"), so the server requires one for every reveal and audits it.
const MIN_PURPOSE_LENGTH = 10;
const FIELDS: { key: keyof Applicant; label: AppealsKey }[] = [
  { key: 'name', label: 'reveal.name' },
  { key: 'iin', label: 'reveal.iin' },
  { key: 'phone', label: 'reveal.phone' },
  { key: 'email', label: 'reveal.email' },
];

export function ApplicantReveal({ appealId }: { appealId: string }) {
  const api = useApi();
  const { t } = useAppealsI18n();
  const [asking, setAsking] = useState(false);
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const reveal = useAction((purpose: string) =>
    api.post<{ applicant: Applicant }>(`/api/appeals/${encodeURIComponent(appealId)}/reveal`, { purpose }),
  );

  async function submit(purpose: string) {
    const res = await reveal.run(purpose);
    if (res) {
      setApplicant(res.applicant);
      setAsking(false);
    }
  }

  if (applicant) {
    const present = FIELDS.filter((f) => applicant[f.key]);
    return (
      <div className="revealed" data-testid="revealed-applicant">
        <p className="revealed__title">{t('reveal.revealed')}</p>
        {present.length === 0 ? (
          <p className="muted">{t('reveal.anonymous')}</p>
        ) : (
          <dl className="kv">
            {present.map((f) => (
              <div className="kv__row" key={f.key}>
                <dt>{t(f.label)}</dt>
                <dd className={f.key === 'name' ? undefined : 'mono'}>{applicant[f.key]}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--small btn--warning-outline"
        onClick={() => setAsking(true)}
        data-testid="appeal-reveal"
      >
        {t('reveal.button')}
      </button>
      {asking && (
        <NoteDialog
          title={t('reveal.title')}
          label={t('reveal.purpose')}
          hint={t('reveal.hint')}
          submitLabel={t('reveal.submit')}
          minLength={MIN_PURPOSE_LENGTH}
          pending={reveal.pending}
          error={reveal.error}
          onSubmit={(purpose) => void submit(purpose)}
          onClose={() => setAsking(false)}
          testId="reveal-dialog"
        />
      )}
    </>
  );
}
