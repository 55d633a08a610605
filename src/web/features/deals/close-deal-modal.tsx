import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContractInput } from '../../../core/deals/schemas';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useLocale } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { useCloseDeal } from './use-deals';

export type ClosingDeal = { id: string; title: string; amount: number; currency: string; version: number };

type Props = { open: boolean; kind: 'win' | 'lose'; deal: ClosingDeal | null; onClose: () => void; onDone?: () => void };

type Values = {
  closeDate: Dayjs;
  lostReason: string;
  contractNumber: string;
  /** Major units of the deal's currency. */
  contractValue: number | null;
  signedDate: Dayjs | null;
  termMonths: number | null;
};

const ISO = 'YYYY-MM-DD';

/** The contract as sent: none when nothing of it was filled in. */
export function contractOf(
  values: Pick<Values, 'contractNumber' | 'contractValue' | 'signedDate' | 'termMonths'>,
  currency: string,
): ContractInput | null {
  const number = (values.contractNumber ?? '').trim();
  const value = values.contractValue ?? null;
  const signedDate = values.signedDate ? values.signedDate.format(ISO) : null;
  const termMonths = values.termMonths ?? null;
  if (!number && value === null && signedDate === null && termMonths === null) return null;
  return { number, value: value === null ? null : toMinor(value, currency), signedDate, termMonths };
}

/** Win a deal (close date, and the contract if there is one) or lose it (with the reason). */
export function CloseDealModal({ open, kind, deal, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const message = useMessage();
  const { locale, format } = useLocale();
  applyDayjsLocale(locale);
  const [form] = Form.useForm<Values>();
  const close = useCloseDeal();
  const currency = deal?.currency ?? 'CNY';
  const today = dayjs(format.today(), ISO);

  const submit = (values: Values) => {
    if (!deal) return;
    const closeDate = values.closeDate.format(ISO);
    const action =
      kind === 'win'
        ? ({ kind, id: deal.id, body: { closeDate, contract: contractOf(values, currency) ?? undefined, version: deal.version } } as const)
        : ({ kind, id: deal.id, body: { closeDate, lostReason: values.lostReason.trim(), version: deal.version } } as const);
    close.mutate(action, {
      onSuccess: () => {
        message.success(t(kind === 'win' ? 'deals.close.wonDone' : 'deals.close.lostDone', { title: deal.title }));
        onClose();
        onDone?.();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t(kind === 'win' ? 'deals.close.winTitle' : 'deals.close.loseTitle', { title: deal?.title ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <ModalFooter
          okText={t(kind === 'win' ? 'deals.actions.win' : 'deals.actions.lose')}
          onOk={() => form.submit()}
          onCancel={onClose}
          pending={close.isPending}
          danger={kind === 'lose'}
          testId="close-deal"
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          closeDate: today,
          lostReason: '',
          contractNumber: '',
          contractValue: deal ? toMajor(deal.amount, currency) : null,
          signedDate: today,
          termMonths: null,
        }}
        data-testid="close-deal-form"
      >
        <Form.Item
          name="closeDate"
          label={t('deals.fields.closeDate')}
          rules={[{ required: true, message: t('deals.close.dateRequired') }]}
        >
          <DatePicker className="qd-full-width" allowClear={false} data-testid="close-deal-date" />
        </Form.Item>
        {kind === 'lose' ? (
          <Form.Item
            name="lostReason"
            label={t('deals.fields.lostReason')}
            rules={[{ required: true, whitespace: true, message: t('deals.close.reasonRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={1000}
              autoFocus
              placeholder={t('deals.close.reasonPlaceholder')}
              data-testid="close-deal-reason"
            />
          </Form.Item>
        ) : (
          <ContractFields currency={currency} />
        )}
      </Form>
    </Modal>
  );
}

/** The contract's fields (number, value, signed date, term), shared by winning and editing a won deal. */
export function ContractFields({ currency }: { currency: string }) {
  const { t } = useTranslation();
  const format = useLocale().format;
  const digits = minorDigits(currency);
  return (
    <fieldset className="qd-fieldset">
      <legend>{t('deals.contract.title')}</legend>
      <div className="qd-form-grid">
        <Form.Item name="contractNumber" label={t('deals.contract.number')}>
          <Input maxLength={100} data-testid="contract-number" />
        </Form.Item>
        <Form.Item name="contractValue" label={`${t('deals.contract.value')} (${currency})`}>
          <InputNumber
            min={0}
            precision={digits}
            prefix={format.currencySymbol(currency)}
            className="qd-full-width"
            data-testid="contract-value"
          />
        </Form.Item>
        <Form.Item name="signedDate" label={t('deals.contract.signedDate')}>
          <DatePicker className="qd-full-width" data-testid="contract-signed" />
        </Form.Item>
        <Form.Item name="termMonths" label={t('deals.contract.term')}>
          <InputNumber
            min={0}
            max={1200}
            precision={0}
            suffix={t('deals.contract.months')}
            className="qd-full-width"
            data-testid="contract-term"
          />
        </Form.Item>
      </div>
    </fieldset>
  );
}
