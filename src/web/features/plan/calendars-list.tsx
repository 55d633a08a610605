import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DAY_NAME } from '../../../core/calendar/schemas';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useLocale } from '../../app/locale';
import { Panel } from '../../components/panel';
import { addHolidays, addMakeUpDay, type CalendarDraft, type DayRange, dayRanges, removeDays, renameDays } from './calendars-days';

const ISO = 'YYYY-MM-DD';

/** The pickers open on the year being edited (on this month in the current year). */
const pickerStart = (year: number): Dayjs => (dayjs().year() === year ? dayjs() : dayjs(`${year}-01-01`, ISO));

type Props = { draft: CalendarDraft; year: number; onChange: (next: CalendarDraft) => void };

/** The year's holidays (in named runs of days) and make-up workdays, each renamed or removed in place, and forms to add more. */
export function CalendarDayLists({ draft, year, onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  applyDayjsLocale(locale);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))', gap: 16 }}>
      <Panel title={t('plan.calendars.holidays')} testId="calendar-holidays">
        <Flex vertical gap={12}>
          <RangeRows
            ranges={dayRanges(draft.holidays, draft.dayNames, year)}
            empty={t('plan.calendars.noHolidays', { year })}
            onRename={(range, name) => onChange(renameDays(draft, range.dates, name))}
            onRemove={(range) => onChange(removeDays(draft, range.dates))}
            testId="holiday-row"
          />
          <AddHoliday year={year} onAdd={(from, to, name) => onChange(addHolidays(draft, from, to, name))} />
        </Flex>
      </Panel>
      <Panel title={t('plan.calendars.makeUpDays')} testId="calendar-makeup">
        <Flex vertical gap={12}>
          <RangeRows
            ranges={dayRanges(draft.workdays, draft.dayNames, year).flatMap((r) =>
              r.dates.map((date) => ({ from: date, to: date, name: r.name, dates: [date] })),
            )}
            empty={t('plan.calendars.noMakeUp', { year })}
            onRename={(range, name) => onChange(renameDays(draft, range.dates, name))}
            onRemove={(range) => onChange(removeDays(draft, range.dates))}
            testId="makeup-row"
          />
          <AddMakeUp year={year} onAdd={(date, name) => onChange(addMakeUpDay(draft, date, name))} />
        </Flex>
      </Panel>
    </div>
  );
}

type RowsProps = {
  ranges: DayRange[];
  empty: string;
  onRename: (range: DayRange, name: string) => void;
  onRemove: (range: DayRange) => void;
  testId: string;
};

function RangeRows({ ranges, empty, onRename, onRemove, testId }: RowsProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // A single day with its weekday (make-up days fall on weekends); a run of days without (its length says enough).
  const withWeekday = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  const plain = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const civil = (date: string) => new Date(`${date}T00:00:00Z`);
  if (ranges.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: 0 }} />;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(96px, 160px) 28px', gap: '6px 8px', alignItems: 'center' }}>
      {ranges.map((range) => (
        <Fragment key={range.from}>
          <Flex vertical data-testid={testId} data-from={range.from} data-to={range.to}>
            <Typography.Text>
              {range.from === range.to
                ? withWeekday.format(civil(range.from))
                : `${plain.format(civil(range.from))} – ${plain.format(civil(range.to))}`}
            </Typography.Text>
            {range.dates.length > 1 && (
              <Typography.Text type="secondary" className="qd-small">
                {t('plan.calendars.days', { count: range.dates.length })}
              </Typography.Text>
            )}
          </Flex>
          <Input
            key={`${range.from}-${range.name}`}
            size="small"
            defaultValue={range.name}
            placeholder={t('plan.calendars.unnamed')}
            maxLength={MAX_DAY_NAME}
            aria-label={`${t('plan.calendars.dayName')}: ${range.from}`}
            onBlur={(event) => {
              if (event.target.value.trim() !== range.name) onRename(range, event.target.value);
            }}
            onPressEnter={(event) => event.currentTarget.blur()}
            data-testid={`${testId}-name`}
          />
          <Button
            type="text"
            danger
            size="small"
            icon={<DeleteOutlined />}
            aria-label={`${t('plan.calendars.removeDays')}: ${range.from}`}
            title={t('plan.calendars.removeDays')}
            onClick={() => onRemove(range)}
            data-testid={`${testId}-remove`}
          />
        </Fragment>
      ))}
    </div>
  );
}

function AddHoliday({ year, onAdd }: { year: number; onAdd: (from: string, to: string, name: string) => void }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const add = () => {
    if (!range) {
      setMissing(true);
      return;
    }
    onAdd(range[0].format(ISO), range[1].format(ISO), name);
    setRange(null);
    setName('');
  };
  return (
    <Flex gap={8} wrap align="center" style={{ borderTop: '1px dashed rgba(128,128,128,0.3)', paddingTop: 12 }}>
      <span data-testid="holiday-add-dates">
        <DatePicker.RangePicker
          size="small"
          value={range}
          onChange={(value) => {
            setMissing(false);
            setRange(value?.[0] && value[1] ? [value[0], value[1]] : null);
          }}
          status={missing ? 'error' : undefined}
          defaultPickerValue={[pickerStart(year), pickerStart(year)]}
          aria-label={t('plan.calendars.dates')}
          placeholder={[t('plan.calendars.dates'), t('plan.calendars.dates')]}
          key={year}
        />
      </span>
      <Input
        size="small"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onPressEnter={add}
        placeholder={t('plan.calendars.holidayNamePlaceholder')}
        maxLength={MAX_DAY_NAME}
        aria-label={t('plan.calendars.dayName')}
        style={{ width: 160 }}
        data-testid="holiday-add-name"
      />
      <Button size="small" icon={<PlusOutlined />} onClick={add} data-testid="holiday-add">
        {t('plan.calendars.addHoliday')}
      </Button>
      {missing && <Typography.Text type="danger">{t('plan.calendars.datesRequired')}</Typography.Text>}
    </Flex>
  );
}

function AddMakeUp({ year, onAdd }: { year: number; onAdd: (date: string, name: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const add = () => {
    if (!date) {
      setMissing(true);
      return;
    }
    onAdd(date.format(ISO), name);
    setDate(null);
    setName('');
  };
  return (
    <Flex gap={8} wrap align="center" style={{ borderTop: '1px dashed rgba(128,128,128,0.3)', paddingTop: 12 }}>
      <span data-testid="makeup-add-date">
        <DatePicker
          size="small"
          value={date}
          onChange={(value) => {
            setMissing(false);
            setDate(value);
          }}
          status={missing ? 'error' : undefined}
          defaultPickerValue={pickerStart(year)}
          aria-label={t('plan.calendars.date')}
          placeholder={t('plan.calendars.date')}
          key={year}
        />
      </span>
      <Input
        size="small"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onPressEnter={add}
        placeholder={t('plan.calendars.makeUpNamePlaceholder')}
        maxLength={MAX_DAY_NAME}
        aria-label={t('plan.calendars.dayName')}
        style={{ width: 160 }}
        data-testid="makeup-add-name"
      />
      <Button size="small" icon={<PlusOutlined />} onClick={add} data-testid="makeup-add">
        {t('plan.calendars.addMakeUp')}
      </Button>
      {missing && <Typography.Text type="danger">{t('plan.calendars.datesRequired')}</Typography.Text>}
    </Flex>
  );
}
