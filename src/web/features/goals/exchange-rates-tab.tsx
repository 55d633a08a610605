import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, InputNumber, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRate, ExchangeRates } from '../../../core/forecast/exchange-rates';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { currencies } from '../../app/format';
import { useLocale } from '../../app/locale';
import { type Column, DataTable } from '../../components/data-table';
import { DateText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { ISO } from './goal-draft';
import { useExchangeRates, useSaveExchangeRates } from './use-exchange-rates';
import './goals.css';

type Row = ExchangeRate & { key: string };
type Draft = { baseCurrency: string; rows: Row[] };

const DEFAULT_BASE = 'CNY';
let nextKey = 0;
const keyed = (rate: ExchangeRate): Row => ({ ...rate, key: `rate-${nextKey++}` });
const draftOf = (table: ExchangeRates): Draft => ({ baseCurrency: table.baseCurrency ?? DEFAULT_BASE, rows: table.rates.map(keyed) });
const sameDraft = (a: Draft, b: Draft): boolean =>
  a.baseCurrency === b.baseCurrency &&
  a.rows.length === b.rows.length &&
  a.rows.every((row, index) => {
    const other = b.rows[index];
    return row.currency === other.currency && row.rate === other.rate && row.effectiveDate === other.effectiveDate;
  });

/** Workspace settings → Exchange rates: each currency's value in the base currency from a date on; admins edit the table. */
export function ExchangeRatesTab() {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const message = useMessage();
  const me = useCurrentUser();
  const canEdit = isAdmin(me);
  const table = useExchangeRates();
  const save = useSaveExchangeRates();
  const [draft, setDraft] = useState<Draft | null>(null);
  const currencyOptions = useMemo(
    () => currencies().map((code) => ({ value: code, label: `${code} · ${format.currencyName(code)}` })),
    [format],
  );

  const saved = useMemo(() => (table.data ? draftOf(table.data) : null), [table.data]);

  if (table.isError) return <QueryError error={table.error} onRetry={() => void table.refetch()} />;
  if (!table.data || !saved) return <Skeleton active paragraph={{ rows: 4 }} />;
  const version = table.data.version;
  const current = draft ?? saved;
  const dirty = draft !== null && !sameDraft(draft, saved);
  const seen = new Map<string, number>();
  for (const row of current.rows)
    seen.set(`${row.currency} ${row.effectiveDate}`, (seen.get(`${row.currency} ${row.effectiveDate}`) ?? 0) + 1);
  const problem = (row: Row): string | null => {
    if (!row.currency) return t('goals.rates.currencyRequired');
    if (!(row.rate > 0)) return t('goals.rates.rateRequired');
    if (row.currency === current.baseCurrency) return t('goals.rates.isBase');
    if ((seen.get(`${row.currency} ${row.effectiveDate}`) ?? 0) > 1) return t('goals.rates.duplicate');
    return null;
  };
  const invalid = current.rows.some((row) => problem(row) !== null);

  const edit = (next: Partial<Draft>) => setDraft({ ...current, ...next });
  const change = (key: string, patch: Partial<ExchangeRate>) =>
    edit({ rows: current.rows.map((row) => (row.key === key ? { ...row, ...patch } : row)) });
  const add = () => edit({ rows: [...current.rows, keyed({ currency: '', rate: 0, effectiveDate: format.today() })] });
  const submit = () =>
    save.mutate(
      {
        baseCurrency: current.baseCurrency,
        rates: current.rows.map(({ currency, rate, effectiveDate }) => ({ currency, rate, effectiveDate })),
        version,
      },
      {
        onSuccess: () => {
          setDraft(null);
          message.success(t('goals.rates.saved'));
        },
      },
    );

  const columns: Column<Row>[] = [
    {
      key: 'currency',
      title: t('goals.rates.currency'),
      render: (row) =>
        canEdit ? (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={row.currency || undefined}
            options={currencyOptions}
            placeholder={t('goals.rates.currencyRequired')}
            onChange={(value: string) => change(row.key, { currency: value })}
            className="qd-full-width"
            popupMatchSelectWidth={false}
            data-testid="rate-currency"
          />
        ) : (
          `${row.currency} · ${format.currencyName(row.currency)}`
        ),
    },
    {
      key: 'rate',
      title: t('goals.rates.rate'),
      render: (row) => (
        <Flex vertical gap={2}>
          {canEdit ? (
            <InputNumber
              min={0}
              max={1e9}
              step={0.01}
              stringMode={false}
              value={row.rate || null}
              onChange={(value) => change(row.key, { rate: value ?? 0 })}
              className="qd-rates-rate"
              aria-label={t('goals.rates.rate')}
              data-testid="rate-value"
            />
          ) : (
            <span className="qd-number">{format.number(row.rate, 6)}</span>
          )}
          <Typography.Text type={problem(row) ? 'danger' : 'secondary'} className="qd-small" data-testid="rate-hint">
            {problem(row) ??
              t('goals.rates.rateHelp', { currency: row.currency, base: current.baseCurrency, rate: format.number(row.rate, 6) })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'effectiveDate',
      title: t('goals.rates.effectiveDate'),
      render: (row) =>
        canEdit ? (
          <DatePicker
            allowClear={false}
            value={dayjs(row.effectiveDate, ISO)}
            onChange={(value) => value && change(row.key, { effectiveDate: value.format(ISO) })}
            aria-label={t('goals.rates.effectiveDate')}
            data-testid="rate-date"
          />
        ) : (
          <DateText value={row.effectiveDate} />
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('app.actions'),
            width: 80,
            render: (row: Row) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('app.remove')}
                title={t('app.remove')}
                onClick={() => edit({ rows: current.rows.filter((other) => other.key !== row.key) })}
                data-testid="rate-remove"
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="qd-stack" data-testid="exchange-rates">
      <Alert type="info" showIcon title={t('goals.rates.intro')} description={canEdit ? undefined : t('goals.rates.readOnly')} />
      <Flex align="center" gap={12} wrap>
        <Typography.Text strong>{t('goals.rates.base')}</Typography.Text>
        {canEdit ? (
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={current.baseCurrency}
            options={currencyOptions}
            onChange={(value: string) => edit({ baseCurrency: value })}
            className="qd-rates-rate"
            popupMatchSelectWidth={false}
            data-testid="rate-base"
          />
        ) : (
          <span>{`${current.baseCurrency} · ${format.currencyName(current.baseCurrency)}`}</span>
        )}
      </Flex>
      <DataTable<Row>
        rows={current.rows}
        rowKey={(row) => row.key}
        columns={columns}
        testId="rates-table"
        rowTestId="rate-row"
        empty={<Typography.Text type="secondary">{t('goals.rates.empty')}</Typography.Text>}
      />
      {canEdit && (
        <Flex justify="space-between" gap={8} wrap>
          <Button icon={<PlusOutlined />} onClick={add} data-testid="rate-add">
            {t('goals.rates.add')}
          </Button>
          <Flex gap={8} align="center" wrap>
            {dirty && <Typography.Text type="warning">{t('goals.rates.unsaved')}</Typography.Text>}
            {dirty && (
              <Button onClick={() => setDraft(null)} data-testid="rate-discard">
                {t('goals.rates.discard')}
              </Button>
            )}
            <Button type="primary" onClick={submit} disabled={!dirty || invalid} loading={save.isPending} data-testid="rate-save">
              {t('goals.rates.save')}
            </Button>
          </Flex>
        </Flex>
      )}
    </div>
  );
}
