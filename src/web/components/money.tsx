import { useFormat } from '../app/locale';

/** Money in integer minor units with its currency, in the user's locale: CNY 12345 → ¥123.45. */
export function Money({ minor, currency, suffix }: { minor: number; currency: string; suffix?: string }) {
  const format = useFormat();
  return (
    <span className="qd-number">
      {format.money(minor, currency)}
      {suffix}
    </span>
  );
}
