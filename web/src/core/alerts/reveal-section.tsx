import { useState } from 'react';
import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { AlertSubject } from '../../app/types';
import { useAction } from '../../app/use-action';
import { KeyValueList } from '../../components/key-value-list';
import { NoteDialog } from './note-dialog';

// Personal data may be processed only for a stated purpose (Law of the Republic of Kazakhstan of 21 May 2013
// No. 94-V "On Personal Data and Their Protection"), so the server requires one for every reveal and audits it.
const MIN_PURPOSE_LENGTH = 10;

export function RevealSection({ alertId }: { alertId: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [subject, setSubject] = useState<AlertSubject | null>(null);
  const reveal = useAction((purpose: string) =>
    api.post<{ subject: AlertSubject }>(`/api/alerts/${encodeURIComponent(alertId)}/reveal`, { purpose }),
  );

  async function submit(purpose: string) {
    const res = await reveal.run(purpose);
    if (res) {
      setSubject(res.subject);
      setAsking(false);
    }
  }

  if (subject) {
    return (
      <div className="revealed" data-testid="revealed-subject">
        <p className="revealed__title">{t('alert.revealed')}</p>
        <KeyValueList data={subject} />
      </div>
    );
  }

  return (
    <>
      <button
        type="button"
        className="btn btn--small btn--warning-outline"
        onClick={() => setAsking(true)}
        data-testid="action-reveal"
      >
        {t('alert.reveal')}
      </button>
      {asking && (
        <NoteDialog
          title={t('alert.revealTitle')}
          label={t('alert.purposeLabel')}
          hint={`${t('alert.revealWarning')} ${t('alert.purposeHint')}`}
          submitLabel={t('alert.revealSubmit')}
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
