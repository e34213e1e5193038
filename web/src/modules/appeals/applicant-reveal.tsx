import { useApi } from '../../app/auth';
import { PurposeReveal } from '../../components/purpose-reveal';
import { useAppealsI18n, type AppealsKey } from './i18n';
import type { Applicant, RevealedApplicant } from '../../../../src/modules/appeals/appeals.contract.js';

const FIELDS: { key: keyof Applicant; label: AppealsKey }[] = [
  { key: 'name', label: 'reveal.name' },
  { key: 'iin', label: 'reveal.iin' },
  { key: 'phone', label: 'reveal.phone' },
  { key: 'email', label: 'reveal.email' },
];

export function ApplicantReveal({ appealId }: { appealId: string }) {
  const api = useApi();
  const { t } = useAppealsI18n();
  return (
    <PurposeReveal
      request={async (purpose: string) =>
        (
          await api.post<RevealedApplicant>(`/api/appeals/${encodeURIComponent(appealId)}/reveal`, {
            purpose,
          })
        ).applicant
      }
      render={(applicant) => {
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
      }}
      labels={{
        button: t('reveal.button'),
        title: t('reveal.title'),
        purpose: t('reveal.purpose'),
        hint: t('reveal.hint'),
        submit: t('reveal.submit'),
      }}
      buttonTestId="appeal-reveal"
    />
  );
}
