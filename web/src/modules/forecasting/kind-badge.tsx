import { Badge } from '../../components/badge';
import { useForecastingI18n } from './i18n';
import type { AnomalyKind, Direction } from '../../../../src/modules/forecasting/forecasting.contract.js';

/** What kind of departure, and which way: a single period outside its range, or a run of periods drifting. */
export function KindBadge({ kind, direction }: { kind: AnomalyKind; direction: Direction }) {
  const { t } = useForecastingI18n();
  return (
    <span className="stack-inline" data-kind={kind} data-direction={direction}>
      <Badge tone={kind === 'interval_breach' ? 'warning' : 'info'}>{t(`kind.${kind}`)}</Badge>
      <span className={direction === 'up' ? 'fc-up small' : 'fc-down small'}>
        {direction === 'up' ? '▲' : '▼'} {t(`direction.${direction}`)}
      </span>
    </span>
  );
}
