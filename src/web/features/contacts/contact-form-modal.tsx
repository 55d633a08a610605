import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactCreate } from '../../../core/contacts/schemas';
import { ModalFooter } from '../../components/modal-footer';
import { AccountSelect } from '../deals/deal-pickers';

type Values = { name: string; title: string; phone: string; email: string; wechat: string; accountId: string | null; notes: string };

type Props = {
  open: boolean;
  /** The contact being edited; none to create one. */
  contact?: Contact;
  /** The customer a new contact belongs to (from a customer's page). */
  accountId?: string;
  accountName?: string;
  pending: boolean;
  onSubmit: (body: ContactCreate) => void;
  onCancel: () => void;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact's fields: name, title, phone, e-mail, WeChat, customer, notes. */
export function ContactFormModal({ open, contact, accountId, accountName, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initialValues: Partial<Values> = contact ?? {
    title: '',
    phone: '',
    email: '',
    wechat: '',
    notes: '',
    accountId: accountId ?? null,
  };
  return (
    <Modal
      open={open}
      title={contact ? t('accounts.contact.editTitle') : t('accounts.contact.createTitle')}
      onCancel={onCancel}
      destroyOnHidden
      width={600}
      footer={
        <ModalFooter
          okText={contact ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="contact-form"
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) =>
          onSubmit({
            name: values.name.trim(),
            title: (values.title ?? '').trim(),
            phone: (values.phone ?? '').trim(),
            email: (values.email ?? '').trim(),
            wechat: (values.wechat ?? '').trim(),
            accountId: values.accountId ?? null,
            notes: values.notes ?? '',
          })
        }
      >
        <div className="qd-form-grid">
          <Form.Item
            name="name"
            label={t('accounts.contact.fields.name')}
            rules={[{ required: true, whitespace: true, message: t('accounts.contact.nameRequired') }]}
          >
            <Input maxLength={200} autoFocus data-testid="contact-name" />
          </Form.Item>
          <Form.Item name="title" label={t('accounts.contact.fields.title')}>
            <Input maxLength={200} data-testid="contact-title" />
          </Form.Item>
          <Form.Item name="phone" label={t('accounts.contact.fields.phone')}>
            <Input maxLength={50} inputMode="tel" data-testid="contact-phone" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('accounts.contact.fields.email')}
            rules={[{ pattern: EMAIL, message: t('accounts.contact.emailInvalid') }]}
          >
            <Input maxLength={254} inputMode="email" data-testid="contact-email" />
          </Form.Item>
          <Form.Item name="wechat" label={t('accounts.contact.fields.wechat')}>
            <Input maxLength={100} data-testid="contact-wechat" />
          </Form.Item>
          <Form.Item name="accountId" label={t('accounts.contact.fields.account')}>
            <AccountSelect initialName={contact?.accountName ?? accountName ?? null} />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t('accounts.contact.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} data-testid="contact-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
