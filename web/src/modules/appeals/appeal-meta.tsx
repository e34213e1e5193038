import { useSession } from '../../app/auth';
import { useReferenceData } from '../../app/reference-data';
import { Link } from '../../app/router';
import { DateTime } from '../../components/relative-time';
import { canRevealApplicant } from './access';
import { ApplicantReveal } from './applicant-reveal';
import { useAppealsI18n } from './i18n';
import type { AppealDetail } from '../../../../src/modules/appeals/appeals.contract.js';

/** Where the appeal came from, who wrote it (masked, revealed on request), where it should go, what was decided. */
export function AppealMeta({ appeal: a }: { appeal: AppealDetail }) {
  const session = useSession();
  const { t, tOr, topicName } = useAppealsI18n();
  const { regionName } = useReferenceData();
  return (
    <dl className="meta-grid">
      <dt>{t('detail.received')}</dt>
      <dd>
        <DateTime iso={a.receivedAt} />
      </dd>
      <dt>{t('detail.submitted')}</dt>
      <dd>
        <DateTime iso={a.submittedAt} />
      </dd>
      <dt>{t('detail.channel')}</dt>
      <dd>{tOr(`channel.${a.channel}`, a.channel)}</dd>
      <dt>{t('detail.region')}</dt>
      <dd>{regionName(a.region)}</dd>
      <dt>{t('detail.language')}</dt>
      <dd>{t(`lang.${a.language}`)}</dd>
      <dt>{t('detail.applicant')}</dt>
      <dd className="applicant-cell">
        <span className="mono">{a.applicant}</span>
        {canRevealApplicant(session) && <ApplicantReveal key={a.id} appealId={a.id} />}
      </dd>
      {a.addressee && (
        <>
          <dt>{t('detail.addressee')}</dt>
          <dd>{a.addressee}</dd>
        </>
      )}
      <dt>{t('detail.topic')}</dt>
      <dd>{topicName(a.topic)}</dd>
      <dt>{a.status === 'routed' ? t('detail.routed') : t('detail.route')}</dt>
      <dd data-testid="appeal-route">
        {a.routeAgency ? tOr(`agency.${a.routeAgency}`, a.routeAgency) : '—'}
      </dd>
      {a.alertId && (
        <>
          <dt>{t('detail.alert')}</dt>
          <dd>
            <Link to={`/alerts/${encodeURIComponent(a.alertId)}`} data-testid="appeal-alert-link">
              {t('detail.openAlert')}
            </Link>
          </dd>
        </>
      )}
      <dt>{t('detail.model')}</dt>
      <dd className="mono small">{a.modelVersion}</dd>
      {a.outcome && (
        <>
          <dt>{t('detail.outcome')}</dt>
          <dd>{a.outcome}</dd>
        </>
      )}
      {a.closedAt && (
        <>
          <dt>{t('detail.closedAt')}</dt>
          <dd>
            <DateTime iso={a.closedAt} />
          </dd>
        </>
      )}
    </dl>
  );
}
