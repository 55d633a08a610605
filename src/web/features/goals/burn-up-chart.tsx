import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forecast, Goal } from '../../../core/goals/schemas';
import { toMajor } from '../../app/format';
import { useLocale } from '../../app/locale';
import type { AttainedPoint } from './attained-history';
import { useGoalFormat } from './goal-format';
import { type ChartOption, useEChart } from './use-echart';

type Props = {
  goal: Goal;
  forecast: Forecast;
  /** Attained over time, oldest first; without it the chart marks today's value alone. */
  history: readonly AttainedPoint[] | null;
  today: string;
};

const COLORS = { target: '#cf1322', attained: '#1668dc', band: 'rgba(22, 104, 220, 0.14)', p50: '#4096ff', expected: '#8c8c8c' };

type Pair = [string, number];

/** The burn-up's lines, all from the server's numbers (nothing is forecast here). */
export function burnUpSeries(goal: Goal, forecast: Forecast, history: readonly AttainedPoint[] | null, today: string) {
  const now = today < goal.startDate ? goal.startDate : today > goal.dueDate ? goal.dueDate : today;
  const attained: Pair[] = history?.length
    ? [
        ...(history[0].date > goal.startDate ? [[goal.startDate, 0] satisfies Pair] : []),
        ...history.filter((point) => point.date <= now).map((point) => [point.date, point.value] satisfies Pair),
        [now, forecast.attained],
      ]
    : [[now, forecast.attained]];
  const hasBand = forecast.p10 !== null && forecast.p90 !== null && forecast.p50 !== null && now < goal.dueDate;
  return {
    now,
    target: [
      [goal.startDate, goal.target],
      [goal.dueDate, goal.target],
    ] satisfies Pair[],
    expected: [
      [goal.startDate, 0],
      ...(now > goal.startDate && now < goal.dueDate ? [[now, forecast.expectedByNow]] : []),
      [goal.dueDate, goal.target],
    ] as Pair[],
    attained,
    band: hasBand
      ? {
          low: [
            [now, forecast.attained],
            [goal.dueDate, forecast.p10 ?? 0],
          ] satisfies Pair[],
          width: [
            [now, 0],
            [goal.dueDate, (forecast.p90 ?? 0) - (forecast.p10 ?? 0)],
          ] satisfies Pair[],
          p50: [
            [now, forecast.attained],
            [goal.dueDate, forecast.p50 ?? 0],
          ] satisfies Pair[],
        }
      : null,
  };
}

/** Target line, attained to date, the forecast band P10–P90 to the due date and today's marker, with the numbers in a table. */
export function BurnUpChart({ goal, forecast, history, today }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const format = useGoalFormat();
  const series = useMemo(() => burnUpSeries(goal, forecast, history, today), [goal, forecast, history, today]);

  const option = useMemo<ChartOption>(() => {
    const compact = goal.currency
      ? new Intl.NumberFormat(locale, { notation: 'compact', style: 'currency', currency: goal.currency, currencyDisplay: 'narrowSymbol' })
      : new Intl.NumberFormat(locale, { notation: 'compact' });
    const axisValue = (value: number) => compact.format(goal.currency ? toMajor(value, goal.currency) : value);
    const dayLabel = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
    const line = (name: string, data: Pair[], color: string, extra: Record<string, unknown> = {}) => ({
      type: 'line' as const,
      name,
      data,
      showSymbol: false,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
      ...extra,
    });
    return {
      animation: false,
      grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 16,
        itemHeight: 8,
        textStyle: { fontSize: 12 },
        // The band's invisible lower edge has no entry of its own.
        data: [
          t('goals.chart.target'),
          t('goals.chart.expected'),
          t('goals.chart.attained'),
          ...(series.band ? [t('goals.chart.band'), t('goals.chart.p50')] : []),
        ],
      },
      tooltip: {
        trigger: 'axis',
        // The series' names are this app's own words; the values are formatted numbers.
        formatter: (params) => {
          const list = (Array.isArray(params) ? params : [params]) as { marker?: unknown; seriesName?: string; value?: unknown }[];
          const first = list[0]?.value as Pair | undefined;
          const lines = list.map((item) => {
            const [, amount] = item.value as Pair;
            return `${typeof item.marker === 'string' ? item.marker : ''}${item.seriesName ?? ''}&nbsp;&nbsp;<b>${format.value(amount, goal)}</b>`;
          });
          return [first ? format.date(first[0]) : '', ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'time',
        min: goal.startDate,
        max: goal.dueDate,
        splitNumber: 6,
        axisLabel: { hideOverlap: true, formatter: (value: number) => dayLabel.format(value) },
      },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: axisValue } },
      series: [
        line(t('goals.chart.target'), series.target, COLORS.target, { lineStyle: { color: COLORS.target, width: 2, type: 'dashed' } }),
        line(t('goals.chart.expected'), series.expected, COLORS.expected, {
          lineStyle: { color: COLORS.expected, width: 1, type: 'dotted' },
        }),
        line(t('goals.chart.attained'), series.attained, COLORS.attained, {
          step: 'end',
          showSymbol: series.attained.length === 1,
          symbolSize: 8,
          lineStyle: { color: COLORS.attained, width: 3 },
          markLine: {
            symbol: 'none',
            silent: true,
            label: { formatter: t('goals.chart.today'), position: 'end' },
            lineStyle: { color: '#595959', type: 'solid', width: 1 },
            data: [{ xAxis: series.now }],
          },
        }),
        ...(series.band
          ? [
              line('band-low', series.band.low, COLORS.band, { stack: 'band', lineStyle: { opacity: 0 }, tooltip: { show: false } }),
              line(t('goals.chart.band'), series.band.width, COLORS.band, {
                stack: 'band',
                lineStyle: { opacity: 0 },
                areaStyle: { color: COLORS.band },
                itemStyle: { color: 'rgba(22, 104, 220, 0.35)' },
                tooltip: { show: false },
              }),
              line(t('goals.chart.p50'), series.band.p50, COLORS.p50, { lineStyle: { color: COLORS.p50, width: 2, type: 'dashed' } }),
            ]
          : []),
      ],
    } satisfies ChartOption;
  }, [series, goal, locale, format, t]);

  const ref = useEChart(option);
  const label = t('goals.chart.label', {
    title: goal.title,
    attained: format.value(forecast.attained, goal),
    target: format.value(goal.target, goal),
    due: format.date(goal.dueDate),
  });
  const rows: { date: string; name: string; value: number }[] = [
    { date: goal.dueDate, name: t('goals.chart.target'), value: goal.target },
    ...series.attained
      .filter(([date], index, all) => all[index + 1]?.[0] !== date)
      .map(([date, value]) => ({ date, name: t('goals.chart.attained'), value })),
    { date: series.now, name: t('goals.chart.expectedByNow'), value: forecast.expectedByNow },
    ...(series.band
      ? [
          { date: goal.dueDate, name: t('goals.forecast.p10'), value: forecast.p10 ?? 0 },
          { date: goal.dueDate, name: t('goals.forecast.p50'), value: forecast.p50 ?? 0 },
          { date: goal.dueDate, name: t('goals.forecast.p90'), value: forecast.p90 ?? 0 },
        ]
      : []),
  ];

  return (
    <figure className="qd-burn-up" data-testid="burn-up">
      <div ref={ref} className="qd-burn-up-canvas" role="img" aria-label={label} />
      <details className="qd-chart-table">
        <summary>
          <Typography.Text type="secondary" className="qd-small">
            {t('goals.chart.tableToggle')}
          </Typography.Text>
        </summary>
        <table className="qd-mini-table">
          <thead>
            <tr>
              <th scope="col">{t('goals.chart.date')}</th>
              <th scope="col">{t('goals.chart.series')}</th>
              <th scope="col" className="qd-align-end">
                {t('goals.chart.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.name}-${row.date}`}>
                <td>{format.date(row.date)}</td>
                <td>{row.name}</td>
                <td className="qd-align-end qd-number">{format.value(row.value, goal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
