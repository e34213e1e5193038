import { useMemo } from 'react';
import type { Column } from '../../components/table';
import { Table } from '../../components/table';
import { EChart } from '../../components/echart';
import { useSupervisionI18n } from './i18n';
import { wantedOption, weeklyOption } from './trend-options';
import type { Measures } from '../../../../src/modules/supervision/supervision.contract.js';

const PROBATION_RULES = ['probation_curfew', 'probation_exclusion', 'probation_area'] as const;
const ZONE_RULES = ['zone_incursion'] as const;

function useDayFormat(): (iso: string) => string {
  const { locale } = useSupervisionI18n();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
      day: '2-digit',
      month: '2-digit',
      timeZone: 'UTC',
    });
    return (iso: string) => format.format(Date.parse(`${iso}T00:00:00Z`));
  }, [locale]);
}

/** The wanted list's size over the period, its change, and the share of closed entries closed through the system. */
export function WantedCard({ measures }: { measures: Measures }) {
  const { t, share, signedShare, formatNumber } = useSupervisionI18n();
  const day = useDayFormat();
  const { wanted } = measures;
  const option = useMemo(
    () => wantedOption(wanted.overTime, t('wanted.active'), day),
    [wanted.overTime, t, day],
  );
  const falling = (wanted.changeOverPeriod ?? 0) < 0;
  return (
    <section className="card sv-wanted" aria-labelledby="sv-wanted-title">
      <h2 id="sv-wanted-title" className="card__title">
        {t('wanted.title')}
      </h2>
      <dl className="sv-figures">
        <div>
          <dt>{t('wanted.active')}</dt>
          <dd className="stat-card__value num" data-testid="sv-wanted-active">
            {formatNumber(wanted.active)}
          </dd>
        </div>
        <div>
          <dt>{t('wanted.change')}</dt>
          <dd className={`stat-card__value num ${falling ? 'sv-good' : ''}`} data-testid="sv-wanted-change">
            {signedShare(wanted.changeOverPeriod)}
          </dd>
        </div>
        <div>
          <dt>{t('wanted.throughSystem')}</dt>
          <dd
            className="stat-card__value num"
            data-testid="sv-wanted-through-system"
            data-count={wanted.closedThroughSystem}
          >
            {share(wanted.shareClosedThroughSystem, 0)}
          </dd>
          <dd className="muted small">
            {t('wanted.throughSystemOf', {
              through: formatNumber(wanted.closedThroughSystem),
              closed: formatNumber(wanted.closed),
            })}
          </dd>
        </div>
      </dl>
      <EChart option={option} className="sv-chart" label={t('wanted.label')} testId="sv-wanted-chart" />
      <p className="muted small">{t('wanted.reform')}</p>
    </section>
  );
}

/** Hits by week of one family of rules (probation conditions, or restricted zones). */
export function WeeklyCard({ measures, family }: { measures: Measures; family: 'probation' | 'zones' }) {
  const { t, tOr } = useSupervisionI18n();
  const day = useDayFormat();
  const rules = family === 'probation' ? PROBATION_RULES : ZONE_RULES;
  const weekly = measures.weekly.filter((w) => (rules as readonly string[]).includes(w.rule));
  const option = useMemo(
    () => weeklyOption(weekly, rules, (rule) => tOr(`kind.${rule}`, rule), day),
    [weekly, rules, tOr, day],
  );
  const total = weekly.reduce((sum, w) => sum + w.hits, 0);
  const title = family === 'probation' ? t('probation.weeklyTitle') : t('zones.weeklyTitle');
  return (
    <section className="card" aria-labelledby={`sv-weekly-${family}-title`}>
      <h2 id={`sv-weekly-${family}-title`} className="card__title">
        {title}
      </h2>
      {total === 0 ? (
        <p className="muted small sv-none" data-testid={`sv-weekly-${family}-none`}>
          {t('weekly.none')}
        </p>
      ) : (
        <EChart
          option={option}
          className="sv-chart"
          label={family === 'probation' ? t('probation.weeklyLabel') : t('zones.weeklyLabel')}
          testId={`sv-weekly-${family}`}
          data={{ total }}
        />
      )}
    </section>
  );
}

type RuleRow = Measures['byRule'][number];

/** Hits, recorded outcomes and the share of them found false, per rule: where recognition needs tuning. */
export function FalseMatchCard({ measures }: { measures: Measures }) {
  const { t, tOr, share, formatNumber } = useSupervisionI18n();
  const columns: Column<RuleRow>[] = [
    { id: 'rule', header: t('falseMatch.rule'), cell: (r) => tOr(`kind.${r.rule}`, r.rule) },
    { id: 'hits', header: t('falseMatch.hits'), className: 'num', cell: (r) => formatNumber(r.hits) },
    {
      id: 'outcomes',
      header: t('falseMatch.outcomes'),
      className: 'num',
      cell: (r) => formatNumber(r.outcomes),
    },
    {
      id: 'detained',
      header: t('falseMatch.detained'),
      className: 'num',
      cell: (r) => formatNumber(r.detained),
    },
    {
      id: 'false',
      header: t('falseMatch.false'),
      className: 'num',
      cell: (r) => formatNumber(r.falseMatches),
    },
    {
      id: 'rate',
      header: t('falseMatch.rate'),
      className: 'num',
      cell: (r) => (
        <span
          data-testid="sv-false-rate"
          data-rate={r.falseMatchRate ?? ''}
          data-false={r.falseMatches}
          data-detained={r.detained}
        >
          {share(r.falseMatchRate, 0)}
        </span>
      ),
    },
  ];
  return (
    <section className="card card--flush" aria-labelledby="sv-false-title">
      <div className="card__head sv-pad">
        <h2 id="sv-false-title" className="card__title">
          {t('falseMatch.title')}
        </h2>
      </div>
      {measures.byRule.length === 0 ? (
        <p className="muted small sv-pad">{t('falseMatch.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={measures.byRule}
          rowKey={(r) => r.rule}
          caption={t('falseMatch.title')}
          rowTestId="sv-rule-row"
          testId="sv-false-matches"
        />
      )}
      <p className="muted small sv-pad">{t('falseMatch.hint')}</p>
    </section>
  );
}
