import { useAppealsI18n } from './i18n';
import { HighlightedText } from './highlighted-text';
import type { AppealDetail } from '../../../../src/modules/appeals/appeals.contract.js';
import { RISK_LABELS } from './types';

/** Subject and text with the evidence and entities marked, a legend of the colours in use, and the entity list. */
export function AppealText({ appeal }: { appeal: AppealDetail }) {
  const { t, formatNumber } = useAppealsI18n();
  const withEvidence = RISK_LABELS.filter((label) => (appeal.explanation.labels[label]?.length ?? 0) > 0);
  const size = (bytes: number) => `${formatNumber(bytes / 1024, bytes < 10_240 ? 1 : 0)} KB`;

  return (
    <section className="detail-section" aria-labelledby="appeal-text-title">
      <h3 id="appeal-text-title">{t('detail.text')}</h3>
      {withEvidence.length > 0 && (
        <p className="hl-legend small">
          {withEvidence.map((label) => (
            <span key={label} className={`hl hl--3 label-tone--${label}`}>
              {t(`label.${label}`)}
            </span>
          ))}
          <span className="muted">{t('detail.legend')}</span>
        </p>
      )}
      <div className="appeal-doc">
        {appeal.subject && (
          <div className="appeal-doc__subject">
            <span className="field__label">{t('detail.subject')}</span>
            <HighlightedText appeal={appeal} field="subject" text={appeal.subject} testId="appeal-subject" />
          </div>
        )}
        <HighlightedText appeal={appeal} field="text" text={appeal.text} testId="appeal-text" />
      </div>
      {appeal.entities.length > 0 && (
        <>
          <p className="field__label">{t('detail.entities')}</p>
          <ul className="entity-list" data-testid="appeal-entities">
            {appeal.entities.map((e) => (
              <li key={`${e.field ?? 'text'}-${e.start}`}>
                <span className="entity-tag">{t(`entity.${e.kind}`)}</span>{' '}
                <span className="mono">{e.value}</span>
                {e.detail && <span className="muted small"> · {e.detail}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {appeal.attachments.length > 0 && (
        <>
          <p className="field__label">{t('detail.attachments')}</p>
          <ul className="entity-list">
            {appeal.attachments.map((file, i) => (
              <li key={`${file.name}-${i}`}>
                {file.name}{' '}
                <span className="muted small">
                  ({file.mimeType}, {size(file.size)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
