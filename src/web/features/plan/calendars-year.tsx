import { Flex, Typography, theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app/locale';
import type { CalendarDraft } from './calendars-days';
import { monthWeeks } from './calendars-days';
import { type DayKind, dayKind, weekDates } from './time-week';

const civil = (date: string) => new Date(`${date}T00:00:00Z`);
const MONDAY = '2024-01-01';

/** Twelve small months of one year: holidays red, make-up workdays marked, days off by weekday grey. */
export function CalendarYearView({ draft, year }: { draft: CalendarDraft; year: number }) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  const { token } = theme.useToken();
  const today = format.today();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  const weekdays = weekDates(MONDAY).map((date) => ({ key: date, name: weekdayName.format(civil(date)) }));
  const months = Array.from({ length: 12 }, (_, m) => {
    const first = `${year}-${String(m + 1).padStart(2, '0')}-01`;
    const cells = monthWeeks(year, m + 1)
      .flat()
      .map((date, i) => ({ key: date ?? `${first}-pad-${i}`, date }));
    return { first, cells };
  });
  const holidays = new Set(draft.holidays);
  const workdays = new Set(draft.workdays);
  const calendar = { workingWeekdays: draft.workingWeekdays, holidays: [...holidays], workdays: [...workdays] };

  const styleOf = (kind: DayKind, date: string): CSSProperties => {
    const base: CSSProperties = {
      position: 'relative',
      height: 24,
      lineHeight: '24px',
      textAlign: 'center',
      borderRadius: 4,
      fontSize: 12,
      fontVariantNumeric: 'tabular-nums',
    };
    if (date === today) base.boxShadow = `inset 0 0 0 1px ${token.colorPrimary}`;
    if (kind === 'holiday') return { ...base, background: token.colorErrorBg, color: token.colorError, fontWeight: 600 };
    if (kind === 'makeUp') return { ...base, background: token.colorWarningBg, color: token.colorWarningText, fontWeight: 600 };
    if (kind === 'off') return { ...base, background: token.colorFillQuaternary, color: token.colorTextTertiary };
    return base;
  };
  const titleOf = (kind: DayKind, date: string) => {
    const name = draft.dayNames[date];
    const label = format.date(date);
    if (kind === 'holiday') return `${label} · ${t('plan.calendars.legendHoliday')}${name ? ` · ${name}` : ''}`;
    if (kind === 'makeUp') return `${label} · ${t('plan.calendars.legendMakeUp')}${name ? ` · ${name}` : ''}`;
    return label;
  };
  // Only the kinds that hold for this year's days (a working day listed as a workday shows as plain working).
  const isListed = (date: string) => holidays.has(date) || workdays.has(date);

  return (
    <Flex vertical gap={12} data-testid="calendar-year-view" data-year={year}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(196px, 1fr))', gap: 16 }}>
        {months.map(({ first, cells }) => (
          <div key={first} style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 8 }}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {monthName.format(civil(first))}
            </Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
              {weekdays.map((day) => (
                <div key={day.key} aria-hidden style={{ textAlign: 'center', fontSize: 11, color: token.colorTextTertiary }}>
                  {day.name}
                </div>
              ))}
              {cells.map(({ key, date }) => {
                if (date === null) return <div key={key} />;
                const kind = dayKind(calendar, date);
                return (
                  <div
                    key={key}
                    title={titleOf(kind, date)}
                    style={styleOf(kind, date)}
                    data-testid={isListed(date) ? 'year-day-listed' : undefined}
                    data-date={date}
                    data-kind={kind}
                  >
                    {Number(date.slice(8))}
                    {kind === 'makeUp' && (
                      <span style={{ position: 'absolute', top: -3, right: 1, fontSize: 9, lineHeight: '12px', fontWeight: 700 }}>
                        {t('plan.calendars.makeUpMark')}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <Flex gap={16} wrap>
        <Legend style={styleOf('holiday', '')} text={t('plan.calendars.legendHoliday')} />
        <Legend style={styleOf('makeUp', '')} text={t('plan.calendars.legendMakeUp')} mark={t('plan.calendars.makeUpMark')} />
        <Legend style={styleOf('off', '')} text={t('plan.calendars.legendOff')} />
      </Flex>
    </Flex>
  );
}

function Legend({ style, text, mark }: { style: CSSProperties; text: string; mark?: string }) {
  return (
    <Flex align="center" gap={6}>
      <span style={{ ...style, display: 'inline-block', width: 24 }}>{mark ?? ''}</span>
      <Typography.Text type="secondary" className="qd-small">
        {text}
      </Typography.Text>
    </Flex>
  );
}
