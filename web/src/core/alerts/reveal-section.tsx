import { useApi } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { AlertSubject } from '../../app/types';
import { KeyValueList } from '../../components/key-value-list';
import { PurposeReveal } from '../../components/purpose-reveal';

export function RevealSection({ alertId }: { alertId: string }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <PurposeReveal
      request={async (purpose: string) =>
        (
          await api.post<{ subject: AlertSubject }>(`/api/alerts/${encodeURIComponent(alertId)}/reveal`, {
            purpose,
          })
        ).subject
      }
      render={(subject) => (
        <div className="revealed" data-testid="revealed-subject">
          <p className="revealed__title">{t('alert.revealed')}</p>
          <KeyValueList data={subject} />
        </div>
      )}
      labels={{
        button: t('alert.reveal'),
        title: t('alert.revealTitle'),
        purpose: t('alert.purposeLabel'),
        hint: `${t('alert.revealWarning')} ${t('alert.purposeHint')}`,
        submit: t('alert.revealSubmit'),
      }}
      buttonTestId="action-reveal"
    />
  );
}
