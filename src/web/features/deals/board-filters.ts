import { toMajor, toMinor } from '../../app/format';

/** The board's filters; amounts in minor units of the project's currency, dates `YYYY-MM-DD`. */
export type BoardFilters = {
  q: string;
  ownerIds: string[];
  amountMin: number | null;
  amountMax: number | null;
  closeFrom: string | null;
  closeTo: string | null;
};

export const NO_FILTERS: BoardFilters = { q: '', ownerIds: [], amountMin: null, amountMax: null, closeFrom: null, closeTo: null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A non-negative amount in major units from the address (`12000.5`), as minor units; anything else is no filter. */
function amountOf(value: string | null, currency: string): number | null {
  if (value === null || value.trim() === '') return null;
  const major = Number(value);
  return Number.isFinite(major) && major >= 0 ? toMinor(major, currency) : null;
}

/** Reads the filters from the address (`?q=…&owner=a,b&min=1000&max=5000&from=2027-01-01&to=2027-03-31`). */
export function filtersFrom(params: URLSearchParams, currency: string): BoardFilters {
  const date = (key: string) => {
    const value = params.get(key);
    return value && DATE.test(value) ? value : null;
  };
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    ownerIds: (params.get('owner') ?? '')
      .split(',')
      .filter((id) => ID.test(id))
      .slice(0, 50),
    amountMin: amountOf(params.get('min'), currency),
    amountMax: amountOf(params.get('max'), currency),
    closeFrom: date('from'),
    closeTo: date('to'),
  };
}

/** Writes the filters into `params` (other parameters stay), leaving out the empty ones. */
export function writeFilters(params: URLSearchParams, filters: BoardFilters, currency: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('q', filters.q.trim() || null);
  set('owner', filters.ownerIds.join(',') || null);
  set('min', filters.amountMin === null ? null : String(toMajor(filters.amountMin, currency)));
  set('max', filters.amountMax === null ? null : String(toMajor(filters.amountMax, currency)));
  set('from', filters.closeFrom);
  set('to', filters.closeTo);
  return next;
}

export const hasFilters = (filters: BoardFilters): boolean =>
  filters.q.trim() !== '' ||
  filters.ownerIds.length > 0 ||
  filters.amountMin !== null ||
  filters.amountMax !== null ||
  filters.closeFrom !== null ||
  filters.closeTo !== null;

/** The query of `GET /projects/:id/pipeline` for these filters. */
export function boardQuery(filters: BoardFilters): Record<string, string | number | undefined> {
  return {
    q: filters.q.trim() || undefined,
    ownerId: filters.ownerIds.join(',') || undefined,
    amountMin: filters.amountMin ?? undefined,
    amountMax: filters.amountMax ?? undefined,
    expectedCloseFrom: filters.closeFrom ?? undefined,
    expectedCloseTo: filters.closeTo ?? undefined,
  };
}
