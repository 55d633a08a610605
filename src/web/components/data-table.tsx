import { Spin } from 'antd';
import type { ReactNode } from 'react';

export type Column<T> = {
  key: string;
  title: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'start' | 'center' | 'end';
  width?: number | string;
  /** Hide the column on screens narrower than this antd breakpoint. */
  from?: 'sm' | 'md' | 'lg' | 'xl';
};

type Props<T> = {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly Column<T>[];
  loading?: boolean;
  /** Shown in place of the rows when there are none (and nothing is loading). */
  empty?: ReactNode;
  onRowClick?: (row: T) => void;
  size?: 'small' | 'middle';
  testId?: string;
  rowTestId?: string;
};

/**
 * A plain HTML table in antd's look. antd's Table brings ~130 KB gzipped (pagination, tree, filters) that these
 * server-paged lists never use, and the first page must stay under SPEC §5's 300 KB.
 */
export function DataTable<T>({ rows, rowKey, columns, loading, empty, onRowClick, size = 'middle', testId, rowTestId }: Props<T>) {
  const cellClass = (column: Column<T>) =>
    [column.from ? `qd-from-${column.from}` : '', column.align ? `qd-align-${column.align}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`qd-table-wrap qd-table-${size}`} data-testid={testId} aria-busy={loading || undefined}>
      <div className="qd-table-scroll">
        <table className="qd-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} className={cellClass(column)} style={column.width ? { width: column.width } : undefined} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={rowKey(row)}
                className={onRowClick ? 'qd-table-row-link' : undefined}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                data-testid={rowTestId}
              >
                {columns.map((column) => (
                  <td key={column.key} className={cellClass(column)}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr className="qd-table-empty">
                <td colSpan={columns.length}>{loading ? <div className="qd-table-placeholder" /> : empty}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {loading && (
        <div className="qd-table-loading">
          <Spin />
        </div>
      )}
    </div>
  );
}
