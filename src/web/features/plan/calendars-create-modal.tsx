import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHINA_MAINLAND_HOLIDAYS,
  chinaMainlandCalendar,
  chinaMainlandDayNames,
  mondayToFridayCalendar,
} from '../../../core/calendar/calendar';
import type { CreateCalendar } from '../../../core/calendar/schemas';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';

type Template = 'china' | 'weekdays';
type Values = { name: string; template: Template };

const CHINA_YEARS = Object.keys(CHINA_MAINLAND_HOLIDAYS).map(Number);

/** The body of a new calendar made from a template: the mainland-China holidays (named in the user's language) or a plain week. */
export function fromTemplate(name: string, template: Template, language: 'zh' | 'en'): CreateCalendar {
  return template === 'china'
    ? { name, ...chinaMainlandCalendar(), dayNames: chinaMainlandDayNames(language) }
    : { name, ...mondayToFridayCalendar(), dayNames: {} };
}

type Props = { open: boolean; pending: boolean; onSubmit: (body: CreateCalendar) => void; onCancel: () => void };

export function CalendarCreateModal({ open, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const years = `${CHINA_YEARS[0]}–${CHINA_YEARS[CHINA_YEARS.length - 1]}`;
  return (
    <Modal
      open={open}
      title={t('plan.calendars.createTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <ModalFooter okText={t('app.create')} onOk={() => form.submit()} onCancel={onCancel} pending={pending} testId="calendar-form" />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: '', template: 'china' }}
        onFinish={(values) => onSubmit(fromTemplate(values.name.trim(), values.template, locale === 'zh-CN' ? 'zh' : 'en'))}
      >
        <Form.Item
          name="name"
          label={t('plan.calendars.name')}
          rules={[{ required: true, whitespace: true, message: t('plan.calendars.nameRequired') }]}
        >
          <Input maxLength={120} autoFocus data-testid="calendar-form-name" />
        </Form.Item>
        <Form.Item name="template" label={t('plan.calendars.template')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[
              { value: 'china', label: t('plan.calendars.templateChina', { years }) },
              { value: 'weekdays', label: t('plan.calendars.templateWeekdays') },
            ]}
            data-testid="calendar-form-template"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
