import { useI18n } from '../app/i18n';

// Evidence is whatever a module's rule recorded, so it is rendered generically: nested objects become nested
// lists and arrays of scalars a comma-separated line, keeping every fact visible without module-specific code.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '—';
}

function humanKey(key: string): string {
  const spaced = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function Value({ value, depth }: { value: unknown; depth: number }) {
  const { formatNumber, t } = useI18n();
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'number')
    return <span className="num">{formatNumber(value, Number.isInteger(value) ? 0 : 2)}</span>;
  if (typeof value === 'string') return <>{value}</>;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    if (items.every((v) => !isPlainObject(v) && !Array.isArray(v)))
      return <>{items.map(scalarText).join(', ')}</>;
    return (
      <ol className="kv-array">
        {items.map((item, i) => (
          <li key={i}>
            <Value value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (isPlainObject(value)) {
    // Beyond a few levels a raw JSON block is easier to read than ever-deeper indentation.
    if (depth >= 3) return <code className="kv-json">{JSON.stringify(value)}</code>;
    return <KeyValueList data={value} depth={depth + 1} />;
  }
  return <>{scalarText(value)}</>;
}

export function KeyValueList({
  data,
  depth = 0,
  testId,
}: {
  data: Record<string, unknown>;
  depth?: number;
  testId?: string;
}) {
  return (
    <dl className={depth === 0 ? 'kv' : 'kv kv--nested'} data-testid={testId}>
      {Object.entries(data).map(([key, value]) => (
        <div className="kv__row" key={key}>
          <dt title={key}>{humanKey(key)}</dt>
          <dd>
            <Value value={value} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
