import { CarOutlined, EditOutlined, FileTextOutlined, MailOutlined, PhoneOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityType } from '../../../core/activities/schemas';
import type { Contact } from '../../../core/contacts/schemas';
import type { Deal } from '../../../core/deals/schemas';
import { api, type Page } from '../../app/api';
import { useMessage } from '../../app/feedback';
import { ConfirmDelete } from '../../components/confirm-delete';
import { DateTimeText } from '../../components/date-text';
import { QueryError } from '../../components/query-error';
import { LazyActivityFormModal, preloadActivityForm } from './lazy-activity-form';
import { useDealActivities, useDeleteActivity } from './use-activities';

const ICONS: Record<ActivityType, ReactNode> = {
  call: <PhoneOutlined />,
  meeting: <TeamOutlined />,
  visit: <CarOutlined />,
  email: <MailOutlined />,
  note: <FileTextOutlined />,
};
const COLORS: Record<ActivityType, string> = { call: 'blue', meeting: 'purple', visit: 'green', email: 'cyan', note: 'gray' };

type Editing = { activity?: Activity } | null;

/** The deal's activity timeline (newest first): what was done, by whom, when, with whom, the outcome and the next step. */
export function DealActivities({ deal, canEdit }: { deal: Deal; canEdit: boolean }) {
  const { t } = useTranslation();
  const message = useMessage();
  const activities = useDealActivities(deal.id);
  const remove = useDeleteActivity(deal.id);
  const [editing, setEditing] = useState<Editing>(null);
  const contacts = useQuery({
    queryKey: ['contacts', 'pick', deal.accountId, ''],
    queryFn: () => api.get<Page<Contact>>('/contacts', { accountId: deal.accountId ?? undefined, limit: 50 }),
    enabled: deal.accountId !== null,
  });
  const contactName = (id: string | null) => (id ? (contacts.data?.items.find((c) => c.id === id)?.name ?? null) : null);
  const items = activities.data?.pages.flatMap((page) => page.items) ?? [];

  const body = () => {
    if (activities.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
    if (activities.isError) return <QueryError error={activities.error} onRetry={() => void activities.refetch()} />;
    if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.activities.empty')} />;
    return (
      <Timeline
        className="qd-activity-timeline"
        items={items.map((activity) => {
          const contact = contactName(activity.contactId);
          return {
            key: activity.id,
            color: COLORS[activity.type],
            icon: ICONS[activity.type],
            content: (
              <div data-testid="activity-item">
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <div>
                    <Typography.Text strong>{t(`deals.activities.types.${activity.type}`)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {' · '}
                      {activity.userName ?? '—'}
                      {' · '}
                      <DateTimeText value={activity.at} />
                      {contact && ` · ${t('deals.activities.contact')} ${contact}`}
                    </Typography.Text>
                  </div>
                  {canEdit && (
                    <Flex gap={2}>
                      <Button
                        type="text"
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={t('app.edit')}
                        title={t('app.edit')}
                        onClick={() => setEditing({ activity })}
                        data-testid="activity-edit"
                      />
                      <ConfirmDelete
                        title={t('deals.activities.deleteTitle')}
                        pending={remove.isPending}
                        onConfirm={() => remove.mutateAsync(activity).then(() => message.success(t('deals.activities.deleted')))}
                        look="text"
                        size="small"
                        testId="activity-delete"
                      />
                    </Flex>
                  )}
                </Flex>
                {activity.outcome && <div className="qd-pre-wrap qd-activity-outcome">{activity.outcome}</div>}
                {activity.nextStep && (
                  <div className="qd-activity-next">
                    <Typography.Text type="secondary">{t('deals.activities.nextStep')}: </Typography.Text>
                    {activity.nextStep}
                  </div>
                )}
              </div>
            ),
          };
        })}
      />
    );
  };

  return (
    <Card
      title={t('deals.activities.title')}
      extra={
        canEdit && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            onMouseEnter={preloadActivityForm}
            onFocus={preloadActivityForm}
            data-testid="activity-add"
          >
            {t('deals.activities.add')}
          </Button>
        )
      }
      data-testid="deal-activities"
    >
      {body()}
      {activities.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void activities.fetchNextPage()} loading={activities.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        </Flex>
      )}
      <LazyActivityFormModal
        open={editing !== null}
        dealId={deal.id}
        accountId={deal.accountId}
        contactId={deal.contactId}
        activity={editing?.activity}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
