import { DealSort, DealStatus } from '../../../core/deals/schemas';
import { type BoardFilters, boardQuery, filtersFrom, writeFilters } from './board-filters';

/** The list's filters: the board's (text, owner, amount, expected close) plus stage, status and sort. */
export type DealListFilters = BoardFilters & { stages: string[]; statuses: DealStatus[]; sort: DealSort };

export const DEFAULT_SORT: DealSort = '-updatedAt';
const STAGE_KEY = /^[a-z][a-z0-9_-]{0,39}$/;

/** Reads the list's filters from the address (`…&stage=lead,proposal&status=open&sort=-amount`). */
export function listFiltersFrom(params: URLSearchParams, currency: string): DealListFilters {
  const sort = DealSort.safeParse(params.get('sort'));
  return {
    ...filtersFrom(params, currency),
    stages: (params.get('stage') ?? '')
      .split(',')
      .filter((key) => STAGE_KEY.test(key))
      .slice(0, 50),
    statuses: (params.get('status') ?? '').split(',').filter((value): value is DealStatus => DealStatus.safeParse(value).success),
    sort: sort.success ? sort.data : DEFAULT_SORT,
  };
}

export function writeListFilters(params: URLSearchParams, filters: DealListFilters, currency: string): URLSearchParams {
  const next = writeFilters(params, filters, currency);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('stage', filters.stages.join(','));
  set('status', filters.statuses.join(','));
  set('sort', filters.sort === DEFAULT_SORT ? '' : filters.sort);
  return next;
}

/** The query of `GET /projects/:id/deals` (and of its export) for these filters. */
export function listQuery(filters: DealListFilters): Record<string, string | number | undefined> {
  return {
    ...boardQuery(filters),
    stage: filters.stages.join(',') || undefined,
    status: filters.statuses.join(',') || undefined,
    sort: filters.sort,
  };
}
