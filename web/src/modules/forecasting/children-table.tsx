import { Link, navigate } from '../../app/router';
import { Table, type Column } from '../../components/table';
import { ChangeText } from './change-text';
import { forecastingHref, withArea, withCategory, type ForecastQuery } from './forecast-query';
import { useForecastingI18n } from './i18n';
import type {
  ChildDimension,
  ChildFigures,
} from '../../../../src/modules/forecasting/forecasting.contract.js';

interface ChildrenTableProps {
  query: ForecastQuery;
  dimension: ChildDimension;
  items: ChildFigures[];
}

/** The view one level down, or null where there is no such slice ("other articles" are not a series of their own). */
function drillTarget(query: ForecastQuery, dimension: ChildDimension, code: string): ForecastQuery | null {
  switch (dimension) {
    case 'region':
      return withArea(query, code);
    case 'district':
      // '' is "other districts / not stated", which the API asks for as district=none.
      return withArea(query, query.region, code);
    case 'chapter':
      return withCategory(query, code);
    case 'article':
      return code === '' ? null : withCategory(query, query.chapter, code);
  }
}

/** The next level down along one dimension: count, rate, changes and share, each row a step of the drill-down. */
export function ChildrenTable({ query, dimension, items }: ChildrenTableProps) {
  const { t, pick, formatNumber, share } = useForecastingI18n();
  const mom = query.frequency === 'monthly' ? t('col.mom.monthly') : t('col.mom.weekly');
  const columns: Column<ChildFigures>[] = [
    {
      id: 'name',
      header: t(`children.col.${dimension}`),
      cell: (item) => {
        const target = drillTarget(query, dimension, item.code);
        return target ? (
          <Link
            to={forecastingHref(target)}
            className="row-link"
            onClick={(e) => e.stopPropagation()}
            data-testid="fc-child-link"
          >
            {pick(item.label)}
          </Link>
        ) : (
          <span title={t('children.notSeries')}>{pick(item.label)}</span>
        );
      },
    },
    { id: 'count', header: t('col.count'), cell: (item) => formatNumber(item.count), className: 'num' },
    {
      id: 'rate',
      header: t('col.rate'),
      cell: (item) => (item.rate === null ? '—' : formatNumber(item.rate, 2)),
      className: 'num',
    },
    {
      id: 'mom',
      header: mom,
      cell: (item) => <ChangeText percent={item.monthOnMonth?.percent} />,
      className: 'num',
    },
    {
      id: 'yoy',
      header: t('col.yoy'),
      cell: (item) => <ChangeText percent={item.yearOnYear?.percent} />,
      className: 'num',
    },
    { id: 'share', header: t('col.share'), cell: (item) => share(item.share), className: 'num' },
  ];
  return (
    <Table
      columns={columns}
      rows={items}
      rowKey={(item) => item.code || 'other'}
      caption={t(`children.${dimension}`)}
      onRowClick={(item) => {
        const target = drillTarget(query, dimension, item.code);
        if (target) navigate(forecastingHref(target));
      }}
      rowTestId={`fc-child-${dimension}`}
      testId={`fc-children-${dimension}`}
    />
  );
}
