import { AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Goal, type GoalCreate, goalMetrics } from '../../../core/goals/schemas';
import type { Member } from '../../../core/members/schemas';
import type { Project } from '../../../core/projects/schemas';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { currencies, minorDigits } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { currencyAllowed, type GoalFormValues, goalToValues, newGoalValues, valuesToBody } from './goal-draft';
import { groupedNumber } from './goal-format';
import { SmartPanel } from './smart-panel';
import { useDebounced } from './use-debounced';
import { useAccountRegions, useSmartDraft } from './use-goals';

type Props = {
  open: boolean;
  project: Project;
  /** The goal being edited; none to create one. */
  goal?: Goal;
  /** A new goal's parent (from "add a sub-goal"). */
  parentId?: string;
  /** The project's goals, for the parent choice (the goal itself and its descendants are left out). */
  goals: readonly Goal[];
  members: readonly Member[];
  pending: boolean;
  onSubmit: (body: GoalCreate) => void;
  onCancel: () => void;
};

const SMART_DELAY_MS = 400;

/** Ids of `id` and every goal below it. */
function selfAndDescendants(goals: readonly Goal[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const goal of goals) {
      if (goal.parentId && out.has(goal.parentId) && !out.has(goal.id)) {
        out.add(goal.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Every field of a goal (SPEC §4.1), with the SMART check beside it, re-run as the user types. */
export function GoalFormModal({ open, project, goal, parentId, goals, members, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const [form] = Form.useForm<GoalFormValues>();
  const initialValues = useMemo(() => (goal ? goalToValues(goal) : newGoalValues(project, parentId)), [goal, project, parentId]);
  const watched = Form.useWatch([], form) as Partial<GoalFormValues> | undefined;
  const metric = Form.useWatch('metric', form) ?? initialValues.metric;
  const currency = Form.useWatch('currency', form) ?? initialValues.currency;

  const today = format.today();
  const draftKey = JSON.stringify(valuesToBody(watched ?? initialValues, today));
  const settledKey = useDebounced(draftKey, SMART_DELAY_MS);
  const smart = useSmartDraft(project.id, open ? settledKey : null);
  const regions = useAccountRegions();

  const currencyOptions = useMemo(
    () => currencies().map((code) => ({ value: code, label: `${code} · ${format.currencyName(code)}` })),
    [format],
  );
  const excluded = goal ? selfAndDescendants(goals, goal.id) : new Set<string>();
  const parentOptions = [
    { value: '', label: t('goals.noParent') },
    ...goals.filter((candidate) => !excluded.has(candidate.id)).map((candidate) => ({ value: candidate.id, label: candidate.title })),
  ];
  const ownerOptions = [
    { value: '', label: t('goals.noOwner') },
    ...members.map((member) => ({ value: member.userId, label: member.userName })),
  ];
  const isMoney = Boolean(currency) && currencyAllowed(metric);
  const digits = isMoney ? minorDigits(currency) : metric === 'custom' ? 2 : 0;

  return (
    <Modal
      open={open}
      title={goal ? t('goals.editTitle') : t('goals.createTitle')}
      onCancel={onCancel}
      destroyOnHidden
      width={960}
      footer={
        <ModalFooter
          okText={goal ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="goal-form"
        />
      }
    >
      <div className="qd-goal-form">
        <Form<GoalFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={(changed: Partial<GoalFormValues>) => {
            if (changed.metric === undefined) return;
            // Only revenue is money by default; a custom goal may be given a currency on purpose.
            if (changed.metric !== 'revenue') form.setFieldValue('currency', '');
            else if (changed.metric === 'revenue' && !form.getFieldValue('currency')) form.setFieldValue('currency', project.currency);
          }}
          onFinish={(values) => onSubmit(valuesToBody(values, today))}
          data-testid="goal-form"
        >
          <Form.Item
            name="title"
            label={t('goals.fields.title')}
            rules={[{ required: true, whitespace: true, message: t('goals.required.title') }]}
          >
            <Input maxLength={200} autoFocus placeholder={t('goals.placeholders.title')} data-testid="goal-title" />
          </Form.Item>
          <Form.Item name="description" label={t('goals.fields.description')}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={10_000}
              placeholder={t('goals.placeholders.description')}
              data-testid="goal-description"
            />
          </Form.Item>
          <div className="qd-form-grid">
            <Form.Item name="metric" label={t('goals.fields.metric')} extra={t(`goals.metricHelp.${metric}`)}>
              <Select options={goalMetrics.map((value) => ({ value, label: t(`goals.metric.${value}`) }))} data-testid="goal-metric" />
            </Form.Item>
            <Form.Item
              name="target"
              label={t('goals.fields.target')}
              rules={[{ required: true, message: t('goals.required.target') }]}
              extra={isMoney ? undefined : t('goals.hints.counts')}
            >
              <InputNumber
                min={0}
                precision={digits}
                {...groupedNumber}
                prefix={isMoney ? format.currencySymbol(currency) : undefined}
                className="qd-full-width"
                data-testid="goal-target"
              />
            </Form.Item>
            <Form.Item
              name="currency"
              label={t('goals.fields.currency')}
              rules={[{ required: metric === 'revenue', message: t('goals.required.currency') }]}
              hidden={!currencyAllowed(metric)}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                allowClear={metric === 'custom'}
                placeholder={t('goals.placeholders.currency')}
                options={currencyOptions}
                data-testid="goal-currency"
              />
            </Form.Item>
            <Form.Item name="period" label={t('goals.fields.period')} rules={[{ required: true, message: t('goals.required.dates') }]}>
              <DatePicker.RangePicker className="qd-full-width" allowClear={false} data-testid="goal-period" />
            </Form.Item>
            <Form.Item name="ownerId" label={t('goals.fields.owner')} extra={t('goals.hints.ownerScope')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={ownerOptions} data-testid="goal-owner" />
            </Form.Item>
            <Form.Item name="parentId" label={t('goals.fields.parent')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={parentOptions} data-testid="goal-parent" />
            </Form.Item>
            <Form.Item name="region" label={t('goals.fields.region')} extra={t('goals.hints.region')}>
              <AutoComplete
                allowClear
                maxLength={100}
                placeholder={t('goals.placeholders.region')}
                options={(regions.data ?? []).map((region) => ({ value: region }))}
                filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                data-testid="goal-region"
              />
            </Form.Item>
            <Form.Item name="weight" label={t('goals.fields.weight')} extra={t('goals.hints.weight')}>
              <InputNumber min={0} max={1000} step={0.5} className="qd-full-width" data-testid="goal-weight" />
            </Form.Item>
          </div>
          <Form.Item name="relevance" label={t('goals.fields.relevance')}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2_000}
              placeholder={t('goals.placeholders.relevance')}
              data-testid="goal-relevance"
            />
          </Form.Item>
        </Form>
        <aside className="qd-goal-form-smart">
          <SmartPanel smart={smart.data} checking={smart.isFetching || draftKey !== settledKey} failed={smart.isError} />
          <Typography.Paragraph type="secondary" className="qd-small qd-flush">
            {t('goals.smart.live')}
          </Typography.Paragraph>
        </aside>
      </div>
    </Modal>
  );
}
