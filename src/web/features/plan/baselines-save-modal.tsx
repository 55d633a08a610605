import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';

type Props = { open: boolean; pending: boolean; onSubmit: (name: string) => void; onCancel: () => void };

/** Names the baseline the current schedule is saved as (today's date by default). */
export function BaselineSaveModal({ open, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<{ name: string }>();
  return (
    <Modal
      open={open}
      title={t('plan.baselines.saveTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <ModalFooter
          okText={t('plan.baselines.save')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="baseline-form"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('plan.baselines.saveHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: t('plan.baselines.defaultName', { date: format.date(format.today()) }) }}
        onFinish={(values) => onSubmit(values.name.trim())}
      >
        <Form.Item
          name="name"
          label={t('plan.baselines.name')}
          rules={[{ required: true, whitespace: true, message: t('plan.baselines.nameRequired') }]}
        >
          <Input maxLength={120} autoFocus data-testid="baseline-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
