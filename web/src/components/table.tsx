import type { ReactNode } from 'react';

export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Extra class for both th and td, e.g. 'num' for right-aligned figures or 'nowrap'. */
  className?: string;
}

interface TableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  caption?: string;
  /** Row click is a pointer shortcut; each row must still offer a real link or button for keyboard users. */
  onRowClick?: (row: T) => void;
  selectedKey?: string | null;
  highlightKeys?: ReadonlySet<string>;
  rowTestId?: string;
  testId?: string;
}

export function Table<T>(props: TableProps<T>) {
  const { columns, rows, rowKey, caption, onRowClick, selectedKey, highlightKeys, rowTestId, testId } = props;
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col.id} scope="col" className={col.className}>
                {col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const classes = [
              onRowClick ? 'is-clickable' : '',
              key === selectedKey ? 'is-selected' : '',
              highlightKeys?.has(key) ? 'is-highlighted' : '',
            ].join(' ');
            return (
              <tr
                key={key}
                className={classes.trim() || undefined}
                data-testid={rowTestId}
                data-key={key}
                aria-selected={selectedKey !== undefined ? key === selectedKey : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
              >
                {columns.map((col) => (
                  <td key={col.id} className={col.className}>
                    {col.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
