import { DatePicker, Flex, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { useUsers } from '../workspace/use-workspace';
import type { BoardFilters } from './board-filters';

export type FilterControlsProps = { filters: BoardFilters; currency: string; onChange: (patch: Partial<BoardFilters>) => void };

const ISO = 'YYYY-MM-DD';

/** The owner, amount-range and expected-close-range filters of the board (their pickers are a chunk of their own). */
export function BoardFilterControls({ filters, currency, onChange }: FilterControlsProps) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const users = useUsers();
  const digits = minorDigits(currency);
  const amountInput = (key: 'amountMin' | 'amountMax', testId: string) => (
    <InputNumber
      min={0}
      precision={digits}
      prefix={format.currencySymbol(currency)}
      placeholder={t(`deals.filters.${key}`)}
      aria-label={t(`deals.filters.${key}`)}
      value={filters[key] === null ? null : toMajor(filters[key], currency)}
      onChange={(value) => onChange({ [key]: value === null ? null : toMinor(value, currency) })}
      className="qd-board-amount"
      data-testid={testId}
    />
  );
  const range: [Dayjs | null, Dayjs | null] = [
    filters.closeFrom ? dayjs(filters.closeFrom, ISO) : null,
    filters.closeTo ? dayjs(filters.closeTo, ISO) : null,
  ];

  return (
    <>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('deals.filters.owner')}
        aria-label={t('deals.filters.owner')}
        value={filters.ownerIds}
        onChange={(ownerIds: string[]) => onChange({ ownerIds })}
        options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
        showSearch={{ optionFilterProp: 'label' }}
        className="qd-board-owner-filter"
        data-testid="board-owner"
      />
      <Flex align="center" gap={4}>
        {amountInput('amountMin', 'board-amount-min')}
        <span aria-hidden>–</span>
        {amountInput('amountMax', 'board-amount-max')}
      </Flex>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        placeholder={[t('deals.filters.closeFrom'), t('deals.filters.closeTo')]}
        onChange={(dates) => onChange({ closeFrom: dates?.[0]?.format(ISO) ?? null, closeTo: dates?.[1]?.format(ISO) ?? null })}
        className="qd-board-close-range"
        data-testid="board-close-range"
      />
    </>
  );
}
