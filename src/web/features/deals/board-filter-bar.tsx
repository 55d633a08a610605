import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { useUsers } from '../workspace/use-workspace';
import { type BoardFilters, hasFilters, NO_FILTERS } from './board-filters';

type Props = { filters: BoardFilters; currency: string; onChange: (filters: BoardFilters) => void };

const ISO = 'YYYY-MM-DD';

/** Text, owner, amount range and expected-close range; each change goes into the address. */
export function BoardFilterBar({ filters, currency, onChange }: Props) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const users = useUsers();
  const [text, setText] = useState(filters.q);
  const digits = minorDigits(currency);

  // Typing settles for 300 ms before the board reloads; a change of the address (back button) resets the box.
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const amount = (value: number | null) => (value === null ? null : toMajor(value, currency));
  const range: [Dayjs | null, Dayjs | null] = [
    filters.closeFrom ? dayjs(filters.closeFrom, ISO) : null,
    filters.closeTo ? dayjs(filters.closeTo, ISO) : null,
  ];

  return (
    <Flex gap={8} wrap align="center" className="qd-toolbar" data-testid="board-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('deals.filters.search')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="qd-board-search"
        aria-label={t('deals.filters.search')}
        data-testid="board-search"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('deals.filters.owner')}
        aria-label={t('deals.filters.owner')}
        value={filters.ownerIds}
        onChange={(ownerIds: string[]) => onChange({ ...filters, ownerIds })}
        options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        className="qd-board-owner-filter"
        data-testid="board-owner"
      />
      <Flex align="center" gap={4}>
        <InputNumber
          min={0}
          precision={digits}
          prefix={format.currencySymbol(currency)}
          placeholder={t('deals.filters.amountMin')}
          aria-label={t('deals.filters.amountMin')}
          value={amount(filters.amountMin)}
          onChange={(value) => onChange({ ...filters, amountMin: value === null ? null : toMinor(value, currency) })}
          className="qd-board-amount"
          data-testid="board-amount-min"
        />
        <span aria-hidden>–</span>
        <InputNumber
          min={0}
          precision={digits}
          prefix={format.currencySymbol(currency)}
          placeholder={t('deals.filters.amountMax')}
          aria-label={t('deals.filters.amountMax')}
          value={amount(filters.amountMax)}
          onChange={(value) => onChange({ ...filters, amountMax: value === null ? null : toMinor(value, currency) })}
          className="qd-board-amount"
          data-testid="board-amount-max"
        />
      </Flex>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        placeholder={[t('deals.filters.closeFrom'), t('deals.filters.closeTo')]}
        onChange={(dates) => onChange({ ...filters, closeFrom: dates?.[0]?.format(ISO) ?? null, closeTo: dates?.[1]?.format(ISO) ?? null })}
        data-testid="board-close-range"
      />
      {hasFilters(filters) && (
        <Button icon={<ClearOutlined />} onClick={() => onChange(NO_FILTERS)} data-testid="board-clear-filters">
          {t('deals.filters.clear')}
        </Button>
      )}
    </Flex>
  );
}
