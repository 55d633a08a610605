import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, AccountCreate } from '../../../core/accounts/schemas';
import { ModalFooter } from '../../components/modal-footer';
import { useUsers } from '../workspace/use-workspace';

type Values = { name: string; industry: string; region: string; size: string; ownerId: string; notes: string };

type Props = {
  open: boolean;
  /** The customer being edited; none to create one. */
  account?: Account;
  pending: boolean;
  onSubmit: (body: AccountCreate) => void;
  onCancel: () => void;
};

/** A customer's fields, to create one or change it. */
export function AccountFormModal({ open, account, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const users = useUsers();
  const initialValues: Partial<Values> = account
    ? { ...account, ownerId: account.ownerId ?? '' }
    : { industry: '', region: '', size: '', notes: '', ownerId: undefined };
  return (
    <Modal
      open={open}
      title={account ? t('accounts.editTitle') : t('accounts.createTitle')}
      onCancel={onCancel}
      destroyOnHidden
      width={600}
      footer={
        <ModalFooter
          okText={account ? t('app.save') : t('app.create')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          testId="account-form"
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
            industry: (values.industry ?? '').trim(),
            region: (values.region ?? '').trim(),
            size: (values.size ?? '').trim(),
            notes: values.notes ?? '',
            // A new customer without a chosen owner is the creator's (the server's default); a cleared owner is none.
            ownerId: values.ownerId === undefined ? (account ? null : undefined) : values.ownerId || null,
          })
        }
      >
        <Form.Item
          name="name"
          label={t('accounts.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('accounts.nameRequired') }]}
        >
          <Input maxLength={200} autoFocus placeholder={t('accounts.namePlaceholder')} data-testid="account-name" />
        </Form.Item>
        <div className="qd-form-grid">
          <Form.Item name="industry" label={t('accounts.fields.industry')}>
            <Input maxLength={100} data-testid="account-industry" />
          </Form.Item>
          <Form.Item name="region" label={t('accounts.fields.region')}>
            <Input maxLength={100} data-testid="account-region" />
          </Form.Item>
          <Form.Item name="size" label={t('accounts.fields.size')}>
            <Input maxLength={50} placeholder={t('accounts.sizePlaceholder')} data-testid="account-size" />
          </Form.Item>
          <Form.Item name="ownerId" label={t('accounts.fields.owner')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('app.you')}
              loading={users.isPending}
              options={[
                { value: '', label: t('accounts.noOwner') },
                ...(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name })),
              ]}
              data-testid="account-owner"
            />
          </Form.Item>
        </div>
        <Form.Item name="notes" label={t('accounts.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20_000} data-testid="account-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
