import { DatePicker, Form, Input, Modal, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useTranslation } from 'react-i18next';
import { type Activity, type ActivityCreate, ActivityType } from '../../../core/activities/schemas';
import { useCurrentUser } from '../../app/auth';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { useUsers } from '../workspace/use-workspace';
import { ContactSelect } from './deal-pickers';
import { useAddActivity, useUpdateActivity } from './use-activities';

dayjs.extend(utc);

type Values = {
  type: ActivityType;
  at: Dayjs;
  userId: string | null;
  contactId: string | null;
  outcome: string;
  nextStep: string;
};

type Props = {
  open: boolean;
  dealId: string;
  accountId: string | null;
  /** The activity being edited; none to log a new one. */
  activity?: Activity;
  /** A new activity's contact (the deal's). */
  contactId: string | null;
  onClose: () => void;
};

/** Logs a call, meeting, visit, e-mail or note on a deal, or changes one: who, when, with whom, outcome, next step. */
export function ActivityFormModal({ open, dealId, accountId, activity, contactId, onClose }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const { locale } = useLocale();
  applyDayjsLocale(locale);
  const users = useUsers();
  const [form] = Form.useForm<Values>();
  const add = useAddActivity(dealId);
  const update = useUpdateActivity(dealId);
  const initialValues: Values = activity
    ? {
        type: activity.type,
        at: dayjs(activity.at),
        userId: activity.userId,
        contactId: activity.contactId,
        outcome: activity.outcome,
        nextStep: activity.nextStep,
      }
    : { type: 'call', at: dayjs(), userId: me.user.id, contactId, outcome: '', nextStep: '' };

  const submit = (values: Values) => {
    const body: ActivityCreate = {
      type: values.type,
      // The instant picked on the user's clock, sent in UTC.
      at: values.at.utc().format(),
      userId: values.userId ?? null,
      contactId: values.contactId ?? null,
      outcome: (values.outcome ?? '').trim(),
      nextStep: (values.nextStep ?? '').trim(),
    };
    const done = () => {
      message.success(t(activity ? 'deals.activities.updated' : 'deals.activities.added'));
      onClose();
    };
    if (activity) update.mutate({ id: activity.id, patch: { ...body, version: activity.version } }, { onSuccess: done });
    else add.mutate(body, { onSuccess: done });
  };

  return (
    <Modal
      open={open}
      title={t(activity ? 'deals.activities.editTitle' : 'deals.activities.addTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={
        <ModalFooter
          okText={activity ? t('app.save') : t('deals.activities.add')}
          onOk={() => form.submit()}
          onCancel={onClose}
          pending={add.isPending || update.isPending}
          testId="activity-form"
        />
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="activity-form">
        <Form.Item name="type" label={t('deals.activities.type')}>
          <Segmented
            block
            options={ActivityType.options.map((type) => ({ value: type, label: t(`deals.activities.types.${type}`) }))}
            data-testid="activity-type"
          />
        </Form.Item>
        <div className="qd-form-grid">
          <Form.Item name="at" label={t('deals.activities.at')} rules={[{ required: true, message: t('deals.activities.atRequired') }]}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              className="qd-full-width"
              allowClear={false}
              data-testid="activity-at"
            />
          </Form.Item>
          <Form.Item name="userId" label={t('deals.activities.who')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
              loading={users.isPending}
              data-testid="activity-user"
            />
          </Form.Item>
        </div>
        <Form.Item name="contactId" label={t('deals.activities.contact')}>
          <ContactSelect accountId={accountId} />
        </Form.Item>
        <Form.Item name="outcome" label={t('deals.activities.outcome')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={10_000}
            placeholder={t('deals.activities.outcomePlaceholder')}
            autoFocus
            data-testid="activity-outcome"
          />
        </Form.Item>
        <Form.Item name="nextStep" label={t('deals.activities.nextStep')}>
          <Input maxLength={2000} placeholder={t('deals.activities.nextStepPlaceholder')} data-testid="activity-next-step" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
