import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Popconfirm, Segmented, Typography, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countWorkingDays } from '../../../core/calendar/calendar';
import type { Calendar } from '../../../core/calendar/schemas';
import { isApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useMessage } from '../../app/feedback';
import { useLocale } from '../../app/locale';
import { useCalendarMutations } from './calendars-data';
import { type CalendarDraft, calendarYears, sameDraft } from './calendars-days';
import { CalendarDayLists } from './calendars-list';
import { CalendarYearView } from './calendars-year';

const draftOf = (calendar: Calendar): CalendarDraft => ({
  name: calendar.name,
  workingWeekdays: calendar.workingWeekdays,
  holidays: calendar.holidays,
  workdays: calendar.workdays,
  dayNames: calendar.dayNames,
});

/** Monday first, as the week views show it (0 = Sunday). */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** One calendar: its name, working weekdays, and per year its holidays and make-up workdays; saved together with its version. */
export function CalendarEditor({ calendar, onDeleted }: { calendar: Calendar; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  const { token } = theme.useToken();
  const message = useMessage();
  const { update, remove } = useCalendarMutations();
  const [draft, setDraft] = useState<CalendarDraft>(() => draftOf(calendar));
  const thisYear = Number(format.today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  // A saved or reloaded calendar (a new version) replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version or another calendar resets the draft
  useEffect(() => setDraft(draftOf(calendar)), [calendar.id, calendar.version]);

  const dirty = !sameDraft(draft, draftOf(calendar));
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday: day d of the week is 2023-01-0(1+d).
  const nameOfWeekday = (d: number) => weekdayName.format(new Date(Date.UTC(2023, 0, 1 + d)));
  const years = calendarYears(draft, thisYear);
  const workingDays =
    draft.workingWeekdays.length > 0
      ? countWorkingDays({ ...draft, workingWeekdays: draft.workingWeekdays }, `${year}-01-01`, `${year}-12-31`)
      : 0;

  const save = () =>
    update.mutate(
      { id: calendar.id, body: { ...draft, name: draft.name.trim(), version: calendar.version } },
      { onSuccess: () => message.success(t('plan.calendars.saved')) },
    );
  const del = () =>
    remove.mutateAsync(calendar).then(
      () => {
        message.success(t('plan.calendars.deleted'));
        onDeleted();
      },
      (error: unknown) => {
        const names = isApiError(error) ? (error.details as { projectNames?: string[] } | null)?.projectNames : undefined;
        if (isApiError(error) && error.code === 'CONFLICT' && names) {
          message.error(t('plan.calendars.inUse', { names: names.join(locale === 'zh-CN' ? '、' : ', ') }), 8);
        } else if (!(isApiError(error) && error.isStale)) message.error(errorMessage(t, error), 6);
      },
    );

  return (
    <Flex vertical gap={16} data-testid="calendar-editor">
      <Flex justify="space-between" align="flex-end" gap={12} wrap>
        <Flex vertical gap={4} style={{ flex: '1 1 320px', maxWidth: 480 }}>
          <Typography.Text type="secondary">{t('plan.calendars.rename')}</Typography.Text>
          <Input
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            maxLength={120}
            status={draft.name.trim() === '' ? 'error' : undefined}
            aria-label={t('plan.calendars.rename')}
            data-testid="calendar-name"
          />
        </Flex>
        <Popconfirm
          title={t('plan.calendars.deleteTitle', { name: calendar.name })}
          description={t('plan.calendars.deleteText')}
          okText={t('app.delete')}
          cancelText={t('app.cancel')}
          okButtonProps={{ danger: true, loading: remove.isPending }}
          onConfirm={del}
        >
          <Button danger icon={<DeleteOutlined />} data-testid="calendar-delete">
            {t('app.delete')}
          </Button>
        </Popconfirm>
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t('plan.calendars.workingWeekdays')}</Typography.Text>
        <Checkbox.Group
          value={draft.workingWeekdays}
          onChange={(values) => setDraft({ ...draft, workingWeekdays: (values as number[]).slice().sort((a, b) => a - b) })}
          options={WEEK.map((d) => ({ value: d, label: nameOfWeekday(d) }))}
          data-testid="calendar-weekdays"
        />
        {draft.workingWeekdays.length === 0 && <Typography.Text type="danger">{t('plan.calendars.noWeekday')}</Typography.Text>}
      </Flex>
      <Flex align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('plan.calendars.year')}</Typography.Text>
        <Segmented<number>
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: <span data-testid={`calendar-year-${y}`}>{y}</span> }))}
        />
        <Typography.Text type="secondary" data-testid="calendar-working-days">
          {t('plan.calendars.workingDaysInYear', { count: workingDays, year })}
        </Typography.Text>
      </Flex>
      <CalendarYearView draft={draft} year={year} />
      <CalendarDayLists draft={draft} year={year} onChange={setDraft} />
      {dirty && (
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 2,
            background: token.colorBgElevated,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            padding: '10px 0',
          }}
        >
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Alert type="warning" showIcon title={t('plan.calendars.unsaved')} style={{ padding: '2px 10px' }} />
            <Flex gap={8}>
              <Button onClick={() => setDraft(draftOf(calendar))} data-testid="calendar-discard">
                {t('plan.calendars.discard')}
              </Button>
              <Button
                type="primary"
                onClick={save}
                loading={update.isPending}
                disabled={draft.name.trim() === '' || draft.workingWeekdays.length === 0}
                data-testid="calendar-save"
              >
                {t('plan.calendars.saveChanges')}
              </Button>
            </Flex>
          </Flex>
        </div>
      )}
    </Flex>
  );
}
