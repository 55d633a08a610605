import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Methodology, Project, ProjectCreate, ProjectStatus } from '../../../core/projects/schemas';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { currencies } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { METHODOLOGIES, PROJECT_STATUSES } from './project-options';
import { useCalendars } from './use-projects';

type ProjectFormValues = {
  name: string;
  description: string;
  status: ProjectStatus;
  methodology: z.infer<typeof Methodology>;
  startDate: Dayjs;
  endDate: Dayjs;
  currency: string;
  /** '' stands for "no calendar" (a Select cannot hold null). */
  calendarId: string;
};

const ISO = 'YYYY-MM-DD';

function toValues(project: Project): ProjectFormValues {
  return {
    name: project.name,
    description: project.description,
    status: project.status,
    methodology: project.methodology,
    startDate: dayjs(project.startDate, ISO),
    endDate: dayjs(project.endDate, ISO),
    currency: project.currency,
    calendarId: project.calendarId ?? '',
  };
}

function toBody(values: ProjectFormValues): ProjectCreate {
  return {
    name: values.name.trim(),
    description: values.description ?? '',
    status: values.status,
    methodology: values.methodology,
    startDate: values.startDate.format(ISO),
    endDate: values.endDate.format(ISO),
    currency: values.currency,
    calendarId: values.calendarId || null,
  };
}

type Props = {
  open: boolean;
  /** The project being edited; none to create one. */
  project?: Project;
  pending: boolean;
  onSubmit: (body: ProjectCreate) => void;
  onCancel: () => void;
};

/** Every field of a project, to create one or to change it. */
export function ProjectFormModal({ open, project, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const [form] = Form.useForm<ProjectFormValues>();
  const calendars = useCalendars();
  const currencyOptions = useMemo(
    () => currencies().map((code) => ({ value: code, label: `${code} · ${format.currencyName(code)}` })),
    [format],
  );
  const calendarOptions = [
    { value: '', label: t('project.noCalendar') },
    ...(calendars.data?.items ?? []).map((calendar) => ({ value: calendar.id, label: calendar.name })),
  ];
  const initialValues: Partial<ProjectFormValues> = project
    ? toValues(project)
    : {
        description: '',
        status: 'planning',
        methodology: 'hybrid',
        currency: 'CNY',
        startDate: dayjs(format.today(), ISO),
        endDate: dayjs(format.today(), ISO).add(90, 'day'),
        calendarId: calendars.data?.items[0]?.id ?? '',
      };

  return (
    <Modal
      open={open}
      title={project ? t('project.editTitle') : t('project.createTitle')}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
      footer={
        <ModalFooter
          okText={project ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="project-form"
        />
      }
    >
      <Form<ProjectFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => onSubmit(toBody(values))}
        data-testid="project-form"
        key={calendars.isSuccess ? 'ready' : 'loading'}
      >
        <Form.Item
          name="name"
          label={t('project.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('project.nameRequired') }]}
        >
          <Input maxLength={200} autoFocus data-testid="project-name" />
        </Form.Item>
        <Form.Item name="description" label={t('project.fields.description')}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={20_000}
            placeholder={t('project.descriptionPlaceholder')}
            data-testid="project-description"
          />
        </Form.Item>
        <div className="qd-form-grid">
          <Form.Item name="status" label={t('project.fields.status')}>
            <Select
              data-testid="project-status-select"
              options={PROJECT_STATUSES.map((status) => ({ value: status, label: t(`project.status.${status}`) }))}
            />
          </Form.Item>
          <Form.Item name="methodology" label={t('project.fields.methodology')}>
            <Select
              data-testid="project-methodology-select"
              options={METHODOLOGIES.map((methodology) => ({ value: methodology, label: t(`project.methodology.${methodology}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="startDate"
            label={t('project.fields.startDate')}
            rules={[{ required: true, message: t('project.startRequired') }]}
          >
            <DatePicker className="qd-full-width" allowClear={false} data-testid="project-start" />
          </Form.Item>
          <Form.Item
            name="endDate"
            label={t('project.fields.endDate')}
            dependencies={['startDate']}
            rules={[
              { required: true, message: t('project.endRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | undefined) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  return value && start && value.isBefore(start, 'day')
                    ? Promise.reject(new Error(t('project.endBeforeStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker className="qd-full-width" allowClear={false} data-testid="project-end" />
          </Form.Item>
          <Form.Item name="currency" label={t('project.fields.currency')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={currencyOptions} data-testid="project-currency" />
          </Form.Item>
          <Form.Item name="calendarId" label={t('project.fields.calendar')} tooltip={t('project.calendarHint')}>
            <Select options={calendarOptions} loading={calendars.isPending} data-testid="project-calendar" popupMatchSelectWidth={false} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
