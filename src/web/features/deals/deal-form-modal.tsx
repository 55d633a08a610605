import { Alert, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealCreate, DealPatch } from '../../../core/deals/schemas';
import { useCurrentUser } from '../../app/auth';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { currencies, minorDigits, toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { useUsers } from '../workspace/use-workspace';
import { ContractFields, contractOf } from './close-deal-modal';
import { AccountSelect, ContactSelect } from './deal-pickers';
import { useCreateDeal, useStages, useUpdateDeal } from './use-deals';

type Values = {
  title: string;
  accountId: string | null;
  contactId: string | null;
  ownerId: string | null;
  /** Major units of `currency`. */
  amount: number | null;
  currency: string;
  stage: string;
  /** Percent 0–100; empty = the stage's. */
  probability: number | null;
  expectedCloseDate: Dayjs | null;
  source: string;
  closeDate: Dayjs | null;
  lostReason: string;
  contractNumber: string;
  contractValue: number | null;
  signedDate: Dayjs | null;
  termMonths: number | null;
};

const ISO = 'YYYY-MM-DD';
const dateOf = (value: string | null) => (value ? dayjs(value, ISO) : null);
const isoOf = (value: Dayjs | null | undefined) => (value ? value.format(ISO) : null);
const SOURCES = ['website', 'referral', 'exhibition', 'partner', 'coldCall', 'campaign', 'existingCustomer'] as const;

function valuesOf(deal: Deal): Partial<Values> {
  return {
    title: deal.title,
    accountId: deal.accountId,
    contactId: deal.contactId,
    ownerId: deal.ownerId,
    amount: toMajor(deal.amount, deal.currency),
    currency: deal.currency,
    stage: deal.stage,
    probability: deal.probability === null ? null : Math.round(deal.probability * 1000) / 10,
    expectedCloseDate: dateOf(deal.expectedCloseDate),
    source: deal.source,
    closeDate: dateOf(deal.closeDate),
    lostReason: deal.lostReason,
    contractNumber: deal.contract?.number ?? '',
    contractValue: deal.contract?.value == null ? null : toMajor(deal.contract.value, deal.currency),
    signedDate: dateOf(deal.contract?.signedDate ?? null),
    termMonths: deal.contract?.termMonths ?? null,
  };
}

type Props = {
  open: boolean;
  projectId: string;
  /** The project's currency (a new deal's default). */
  currency: string;
  /** The deal being edited; none to create one. */
  deal?: Deal;
  /** The stage a new deal starts in (a column's "+"); default the first open stage. */
  stage?: string;
  onClose: () => void;
  onSaved?: (deal: Deal) => void;
};

/** Every field of a deal (SPEC §4.1), to create one or to change it; a closed deal also shows its closing fields. */
export function DealFormModal({ open, projectId, currency, deal, stage, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const [form] = Form.useForm<Values>();
  const stages = useStages();
  const users = useUsers();
  const create = useCreateDeal(projectId);
  const update = useUpdateDeal();
  const openStages = (stages.data?.items ?? []).filter((s) => s.kind === 'open');
  const status = deal?.status ?? 'open';
  const chosenStage = Form.useWatch('stage', form);
  const chosenCurrency = Form.useWatch('currency', form) ?? deal?.currency ?? currency;
  const accountId = Form.useWatch('accountId', form) ?? null;
  const stageProbability = (stages.data?.items ?? []).find((s) => s.key === (chosenStage ?? deal?.stage))?.probability;
  const currencyOptions = useMemo(
    () => currencies().map((code) => ({ value: code, label: `${code} · ${format.currencyName(code)}` })),
    [format],
  );
  const ownerOptions = (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }));
  const sourceOptions = SOURCES.map((key) => ({ value: t(`deals.sources.${key}`) }));

  const firstStage = stage ?? openStages[0]?.key;
  // The stages may arrive after the form opened: a new deal then starts in the first open stage.
  useEffect(() => {
    if (!deal && firstStage && !form.getFieldValue('stage')) form.setFieldValue('stage', firstStage);
  }, [deal, firstStage, form]);

  const initialValues: Partial<Values> = deal
    ? valuesOf(deal)
    : {
        title: '',
        accountId: null,
        contactId: null,
        ownerId: me.user.id,
        amount: null,
        currency,
        stage: firstStage,
        probability: null,
        expectedCloseDate: null,
        source: '',
      };

  const submit = (values: Values) => {
    const money = values.currency ?? currency;
    const common = {
      title: values.title.trim(),
      accountId: values.accountId ?? null,
      contactId: values.contactId ?? null,
      amount: toMinor(values.amount ?? 0, money),
      currency: money,
      probability: values.probability === null || values.probability === undefined ? null : values.probability / 100,
      expectedCloseDate: isoOf(values.expectedCloseDate),
      source: (values.source ?? '').trim(),
    };
    const done = (saved: Deal) => {
      message.success(t(deal ? 'deals.form.updated' : 'deals.form.created', { title: saved.title }));
      onClose();
      onSaved?.(saved);
    };
    if (!deal) {
      const body: DealCreate = {
        ...common,
        stage: values.stage,
        ownerId: values.ownerId ?? undefined,
        closeDate: null,
        lostReason: '',
        contract: null,
      };
      create.mutate(body, { onSuccess: done });
      return;
    }
    const patch: DealPatch = { ...common, ownerId: values.ownerId ?? null, version: deal.version };
    if (status === 'open') patch.stage = values.stage;
    if (status !== 'open') patch.closeDate = isoOf(values.closeDate);
    if (status === 'lost') patch.lostReason = (values.lostReason ?? '').trim();
    if (status === 'won') patch.contract = contractOf(values, money);
    update.mutate({ id: deal.id, patch }, { onSuccess: done });
  };

  const pending = create.isPending || update.isPending;
  const digits = minorDigits(chosenCurrency);

  return (
    <Modal
      open={open}
      title={deal ? t('deals.form.editTitle') : t('deals.form.createTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={
        <ModalFooter
          okText={deal ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onClose}
          pending={pending}
          testId="deal-form"
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          if ('accountId' in changed) form.setFieldValue('contactId', null);
        }}
        data-testid="deal-form"
      >
        <Form.Item
          name="title"
          label={t('deals.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('deals.form.titleRequired') }]}
        >
          <Input maxLength={300} autoFocus placeholder={t('deals.form.titlePlaceholder')} data-testid="deal-title" />
        </Form.Item>
        <div className="qd-form-grid">
          <Form.Item name="accountId" label={t('deals.fields.account')} tooltip={t('deals.form.accountHint')}>
            <AccountSelect initialName={deal?.accountName ?? null} />
          </Form.Item>
          <Form.Item name="contactId" label={t('deals.fields.contact')}>
            <ContactSelect accountId={accountId} />
          </Form.Item>
          <Form.Item label={t('deals.fields.amount')}>
            <Space.Compact className="qd-full-width">
              <Form.Item name="amount" noStyle>
                <InputNumber
                  min={0}
                  precision={digits}
                  prefix={format.currencySymbol(chosenCurrency)}
                  className="qd-full-width"
                  placeholder="0"
                  data-testid="deal-amount"
                />
              </Form.Item>
              <Form.Item name="currency" noStyle>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={currencyOptions}
                  popupMatchSelectWidth={false}
                  className="qd-currency-select"
                  optionLabelProp="value"
                  data-testid="deal-currency"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="ownerId" label={t('deals.fields.owner')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              options={ownerOptions}
              loading={users.isPending}
              placeholder={t('deals.form.ownerPlaceholder')}
              data-testid="deal-owner"
            />
          </Form.Item>
          {status === 'open' && (
            <Form.Item name="stage" label={t('deals.fields.stage')} rules={[{ required: true }]}>
              <Select
                options={openStages.map((s) => ({ value: s.key, label: s.name }))}
                loading={stages.isPending}
                data-testid="deal-stage"
              />
            </Form.Item>
          )}
          <Form.Item name="probability" label={t('deals.fields.probability')} tooltip={t('deals.form.probabilityHint')}>
            <InputNumber
              min={0}
              max={100}
              precision={1}
              suffix="%"
              className="qd-full-width"
              placeholder={
                stageProbability === undefined
                  ? undefined
                  : t('deals.form.stageDefault', { percent: format.number(stageProbability * 100, 1) })
              }
              data-testid="deal-probability"
            />
          </Form.Item>
          <Form.Item name="expectedCloseDate" label={t('deals.fields.expectedCloseDate')}>
            <DatePicker className="qd-full-width" data-testid="deal-expected-close" />
          </Form.Item>
          <Form.Item name="source" label={t('deals.fields.source')}>
            <AutoComplete
              options={sourceOptions}
              maxLength={200}
              placeholder={t('deals.form.sourcePlaceholder')}
              filterOption
              data-testid="deal-source"
            />
          </Form.Item>
        </div>
        {status !== 'open' && (
          <>
            <Alert
              type="info"
              showIcon
              title={t(status === 'won' ? 'deals.form.wonNotice' : 'deals.form.lostNotice')}
              className="qd-block-gap"
            />
            <Form.Item
              name="closeDate"
              label={t('deals.fields.closeDate')}
              rules={[{ required: true, message: t('deals.close.dateRequired') }]}
            >
              <DatePicker className="qd-full-width" allowClear={false} data-testid="deal-close-date" />
            </Form.Item>
          </>
        )}
        {status === 'lost' && (
          <Form.Item
            name="lostReason"
            label={t('deals.fields.lostReason')}
            rules={[{ required: true, whitespace: true, message: t('deals.close.reasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="deal-lost-reason" />
          </Form.Item>
        )}
        {status === 'won' && <ContractFields currency={chosenCurrency} />}
      </Form>
    </Modal>
  );
}
