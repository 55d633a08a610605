import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../core/calendar/schemas';
import { useMessage } from '../../app/feedback';
import { useLocale } from '../../app/locale';
import { QueryError } from '../../components/query-error';
import { useCalendars } from '../projects/use-projects';
import { CalendarCreateModal } from './calendars-create-modal';
import { useCalendarMutations } from './calendars-data';
import { CalendarEditor } from './calendars-editor';

/** Workspace settings → working calendars (owners and admins): the list, and the chosen calendar's editor. */
export function CalendarsTab() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { token } = theme.useToken();
  const message = useMessage();
  const calendars = useCalendars();
  const { create } = useCalendarMutations();
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (calendars.isError) return <QueryError error={calendars.error} onRetry={() => void calendars.refetch()} />;
  const items = calendars.data?.items ?? [];
  const selected = items.find((c) => c.id === chosen) ?? items[0] ?? null;
  const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const weekdays = (c: Calendar) =>
    [1, 2, 3, 4, 5, 6, 0]
      .filter((d) => c.workingWeekdays.includes(d))
      .map((d) => weekdayName.format(new Date(Date.UTC(2023, 0, 1 + d))))
      .join(locale === 'zh-CN' ? '、' : ', ');

  return (
    <Flex vertical gap={16} data-testid="calendars-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 760 }}>
          {t('plan.calendars.intro')}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="calendar-create">
          {t('plan.calendars.create')}
        </Button>
      </Flex>
      {items.length === 0 && !calendars.isPending ? (
        <Empty
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('plan.calendars.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('plan.calendars.emptyText')}</Typography.Text>
            </Flex>
          }
        />
      ) : (
        <Flex gap={24} align="flex-start" wrap>
          <nav style={{ flex: '0 0 260px', minWidth: 220 }} aria-label={t('plan.calendarsTab')}>
            <Flex vertical gap={6}>
              {items.map((c) => {
                const active = c.id === selected?.id;
                return (
                  <button
                    type="button"
                    key={c.id}
                    onClick={() => setChosen(c.id)}
                    aria-current={active || undefined}
                    data-testid="calendar-item"
                    style={{
                      textAlign: 'start',
                      cursor: 'pointer',
                      padding: '8px 12px',
                      borderRadius: token.borderRadius,
                      border: `1px solid ${active ? token.colorPrimary : token.colorBorderSecondary}`,
                      background: active ? token.colorPrimaryBg : token.colorBgContainer,
                      color: token.colorText,
                      font: 'inherit',
                    }}
                  >
                    <Typography.Text strong style={{ display: 'block' }}>
                      {c.name}
                    </Typography.Text>
                    <Typography.Text type="secondary" className="qd-small">
                      {t('plan.calendars.summary', { weekdays: weekdays(c), holidays: c.holidays.length, makeUp: c.workdays.length })}
                    </Typography.Text>
                  </button>
                );
              })}
            </Flex>
          </nav>
          <div style={{ flex: '1 1 600px', minWidth: 0 }}>
            {selected && <CalendarEditor key={selected.id} calendar={selected} onDeleted={() => setChosen(null)} />}
          </div>
        </Flex>
      )}
      <CalendarCreateModal
        open={creating}
        pending={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (calendar) => {
              setCreating(false);
              setChosen(calendar.id);
              message.success(t('plan.calendars.created'));
            },
          })
        }
      />
    </Flex>
  );
}
