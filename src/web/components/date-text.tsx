import { useFormat } from '../app/locale';

/** A calendar date (`YYYY-MM-DD`) in the user's locale. */
export function DateText({ value }: { value: string | null | undefined }) {
  const format = useFormat();
  return value ? <time dateTime={value}>{format.date(value)}</time> : <span>—</span>;
}

/** An instant in the user's locale and time zone; the full ISO value on hover. */
export function DateTimeText({ value }: { value: string | null | undefined }) {
  const format = useFormat();
  return value ? (
    <time dateTime={value} title={value}>
      {format.dateTime(value)}
    </time>
  ) : (
    <span>—</span>
  );
}

export function DateRange({ start, end }: { start: string; end: string }) {
  const format = useFormat();
  return (
    <span className="qd-nowrap">
      <time dateTime={start}>{format.date(start)}</time> – <time dateTime={end}>{format.date(end)}</time>
    </span>
  );
}
