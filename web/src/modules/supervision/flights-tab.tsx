import { useState } from 'react';
import { useApi, useSession } from '../../app/auth';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { Badge, type Tone } from '../../components/badge';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { Table, type Column } from '../../components/table';
import { canFileFlights } from './access';
import { FlightFileDialog } from './flight-file-dialog';
import { useSupervisionI18n } from './i18n';
import type {
  Flight,
  FlightAnswer,
  FlightEnd,
  FlightList,
} from '../../../../src/modules/supervision/supervision.contract.js';

const STATUS_TONE: Record<Flight['status'], Tone> = {
  planned: 'info',
  in_flight: 'success',
  ended: 'neutral',
  cancelled: 'muted',
};

/** Drone flights of the last 30 days: purpose, operator, times, what each drone sent and how much of it hit. */
export function FlightsTab() {
  const api = useApi();
  const session = useSession();
  const { t, formatNumber, formatDateTime, regionName } = useSupervisionI18n();
  const [generation, setGeneration] = useState(0);
  const [filing, setFiling] = useState(false);
  const list = useResource(`sv-flights#${String(generation)}`, () =>
    api.get<FlightList>('/api/supervision/flights', { days: 30 }),
  );
  const reload = () => setGeneration((value) => value + 1);
  const columns: Column<Flight>[] = [
    {
      id: 'drone',
      header: t('flights.drone'),
      cell: (f) => (
        <>
          <span className="cell-title">{f.droneName ?? f.droneId}</span>
          <div className="mono small muted">
            {f.region ? `${f.droneId} · ${regionName(f.region)}` : f.droneId}
          </div>
        </>
      ),
    },
    {
      id: 'purpose',
      header: t('flights.purpose'),
      cell: (f) => (
        <>
          <span>{f.purpose}</span>
          <div className="small muted">{f.operator}</div>
        </>
      ),
    },
    {
      id: 'window',
      header: t('flights.window'),
      className: 'nowrap',
      cell: (f) => (
        <>
          {formatDateTime(f.plannedStart)}
          <div className="small muted">→ {formatDateTime(f.endedAt ?? f.plannedEnd)}</div>
        </>
      ),
    },
    {
      id: 'status',
      header: t('flights.status'),
      cell: (f) => (
        <span data-testid="sv-flight-status" data-status={f.status}>
          <Badge tone={f.endReason === 'lost' ? 'danger' : STATUS_TONE[f.status]}>
            {t(`flightStatus.${f.status}`)}
          </Badge>
          {f.endReason && f.status === 'ended' && (
            <div className="small muted">{t(`endReason.${f.endReason}`)}</div>
          )}
          {canFileFlights(session) && (f.status === 'in_flight' || f.status === 'planned') && (
            <EndFlight flight={f} onEnded={reload} />
          )}
        </span>
      ),
    },
    {
      id: 'observations',
      header: t('flights.observations'),
      className: 'num',
      cell: (f) => formatNumber(f.observations),
    },
    {
      id: 'hits',
      header: t('flights.hits'),
      className: 'num',
      cell: (f) => <span data-testid="sv-flight-hits">{formatNumber(f.hits)}</span>,
    },
  ];
  return (
    <section className="card card--flush" aria-labelledby="sv-flights-title">
      <div className="card__head sv-pad">
        <h2 id="sv-flights-title" className="card__title">
          {t('flights.title')}
        </h2>
        {canFileFlights(session) && (
          <button
            type="button"
            className="btn btn--primary btn--small"
            onClick={() => setFiling(true)}
            data-testid="sv-flight-file-open"
          >
            {t('flights.file')}
          </button>
        )}
      </div>
      <p className="muted small sv-pad">{t('flights.note')}</p>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} inline />
      ) : !list.data ? (
        <Loading inline />
      ) : list.data.items.length === 0 ? (
        <p className="muted small sv-pad">{t('flights.empty')}</p>
      ) : (
        <Table
          columns={columns}
          rows={list.data.items}
          rowKey={(f) => f.id}
          caption={t('flights.title')}
          rowTestId="sv-flight-row"
          testId="sv-flights"
        />
      )}
      {filing && (
        <FlightFileDialog
          onClose={() => setFiling(false)}
          onFiled={() => {
            setFiling(false);
            reload();
          }}
        />
      )}
    </section>
  );
}

/** Records how a flight ended: landed, lost, or (before it started) cancelled. */
function EndFlight({ flight, onEnded }: { flight: Flight; onEnded: () => void }) {
  const api = useApi();
  const { t } = useSupervisionI18n();
  // A flight not yet started can only be cancelled; one in the air lands or is lost. The choice follows the status
  // as the list refreshes.
  const allowed: readonly [FlightEnd, ...FlightEnd[]] =
    flight.status === 'planned' ? ['cancelled'] : ['landed', 'lost'];
  const [chosen, setChosen] = useState<FlightEnd | null>(null);
  const reason = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const end = useAction(() =>
    api.post<FlightAnswer>(`/api/supervision/flights/${flight.id}/end`, { reason }),
  );
  return (
    <form
      className="sv-flight-end"
      onSubmit={(event) => {
        event.preventDefault();
        void end.run().then((result) => result && onEnded());
      }}
    >
      <select
        className="input"
        aria-label={t('flights.endAs')}
        value={reason}
        onChange={(event) => setChosen(event.target.value as FlightEnd)}
        data-testid="sv-flight-end-reason"
      >
        {allowed.map((value) => (
          <option key={value} value={value}>
            {t(`endReason.${value}`)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="btn btn--small"
        disabled={end.pending}
        data-testid="sv-flight-end-submit"
      >
        {t('flights.record')}
      </button>
      {end.error && <ErrorState error={end.error} inline />}
    </form>
  );
}
