import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../core/stages/schemas';
import { ModalFooter } from '../../components/modal-footer';

type Values = { name: string; percent: number };
type Props = {
  open: boolean;
  stage?: Stage;
  pending: boolean;
  onSubmit: (values: { name: string; probability: number }) => void;
  onCancel: () => void;
};

/** A stage's name and default probability (in percent here, 0–1 on the wire). */
export function StageFormModal({ open, stage, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const fixed = stage !== undefined && stage.kind !== 'open';
  return (
    <Modal
      open={open}
      title={stage ? t('deals.stages.editTitle') : t('deals.stages.addTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <ModalFooter
          okText={stage ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="stage-form"
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={stage ? { name: stage.name, percent: Math.round(stage.probability * 1000) / 10 } : { percent: 50 }}
        onFinish={(values) => onSubmit({ name: values.name.trim(), probability: Math.round(values.percent * 10) / 1000 })}
      >
        <Form.Item
          name="name"
          label={t('deals.stages.name')}
          rules={[{ required: true, whitespace: true, message: t('deals.stages.nameRequired') }]}
        >
          <Input maxLength={100} autoFocus placeholder={t('deals.stages.namePlaceholder')} data-testid="stage-name" />
        </Form.Item>
        <Form.Item name="percent" label={t('deals.stages.probability')} extra={fixed ? t('deals.stages.fixed') : undefined}>
          <InputNumber min={0} max={100} step={5} precision={1} suffix="%" disabled={fixed} data-testid="stage-probability" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
