import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../app/api';
import { QueryError } from './query-error';

export type NotFound = { text: string; backTo: string; backLabel: string; testId?: string };

/**
 * What a record's page shows until its record is there: a skeleton while it loads, "not found" with the
 * way back for a 404, the error with a retry otherwise; null once the record has arrived.
 */
export function recordState(query: UseQueryResult<unknown>, notFound: NotFound): ReactNode | null {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!query.isError) return null;
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <Empty description={notFound.text} className="qd-page-empty" data-testid={notFound.testId}>
        <Link to={notFound.backTo}>
          <Button type="primary">{notFound.backLabel}</Button>
        </Link>
      </Empty>
    );
  }
  return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
}
