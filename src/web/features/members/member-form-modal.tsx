import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member, MemberCreate, ProjectRole } from '../../../core/members/schemas';
import type { WorkspaceUser } from '../../../core/users/schemas';
import { minorDigits, toMajor, toMinor } from '../../app/format';
import { useFormat } from '../../app/locale';
import { ModalFooter } from '../../components/modal-footer';
import { PROJECT_ROLES } from './member-options';

type MemberFormValues = {
  userId: string;
  role: ProjectRole;
  responsibilities: string;
  capacityHoursPerWeek: number;
  /** Major units (yuan, dollars) per hour; sent in minor units. */
  costRate: number;
};

type Props = {
  open: boolean;
  currency: string;
  /** The member being edited; none to add one. */
  member?: Member;
  /** Workspace users who are not on the team yet (for adding). */
  candidates: WorkspaceUser[];
  pending: boolean;
  onSubmit: (values: MemberCreate) => void;
  onCancel: () => void;
};

/** Adds a workspace user to the team, or changes a member's role, responsibilities, capacity and cost rate. */
export function MemberFormModal({ open, currency, member, candidates, pending, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<MemberFormValues>();
  const digits = minorDigits(currency);
  const initialValues: Partial<MemberFormValues> = member
    ? {
        userId: member.userId,
        role: member.role,
        responsibilities: member.responsibilities,
        capacityHoursPerWeek: member.capacityHoursPerWeek,
        costRate: toMajor(member.costRate, currency),
      }
    : { role: 'sales', responsibilities: '', capacityHoursPerWeek: 40, costRate: 0 };
  const userOptions = member
    ? [{ value: member.userId, label: `${member.userName} · ${member.userEmail}` }]
    : candidates.map((user) => ({ value: user.id, label: `${user.name} · ${user.email}` }));

  return (
    <Modal
      open={open}
      title={member ? t('members.editTitle') : t('members.addTitle')}
      onCancel={onCancel}
      destroyOnHidden
      footer={
        <ModalFooter
          okText={member ? t('app.save') : t('members.add')}
          onOk={() => form.submit()}
          onCancel={onCancel}
          pending={pending}
          okDisabled={!member && candidates.length === 0}
          testId="member-form"
        />
      }
    >
      {!member && candidates.length === 0 && <Alert type="info" showIcon title={t('members.noMoreUsers')} className="qd-block-gap" />}
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) =>
          onSubmit({
            userId: values.userId,
            role: values.role,
            responsibilities: values.responsibilities ?? '',
            capacityHoursPerWeek: values.capacityHoursPerWeek ?? 0,
            costRate: toMinor(values.costRate ?? 0, currency),
          })
        }
      >
        <Form.Item name="userId" label={t('members.user')} rules={[{ required: true, message: t('members.userRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('members.userPlaceholder')}
            options={userOptions}
            disabled={Boolean(member)}
            data-testid="member-user"
          />
        </Form.Item>
        <Form.Item name="role" label={t('members.role')}>
          <Select options={PROJECT_ROLES.map((role) => ({ value: role, label: t(`roles.project.${role}`) }))} data-testid="member-role" />
        </Form.Item>
        <Form.Item name="responsibilities" label={t('members.responsibilities')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            placeholder={t('members.responsibilitiesPlaceholder')}
            data-testid="member-responsibilities"
          />
        </Form.Item>
        <div className="qd-form-grid">
          <Form.Item name="capacityHoursPerWeek" label={t('members.capacity')}>
            <InputNumber
              min={0}
              max={168}
              step={1}
              suffix={t('members.capacityUnit')}
              className="qd-full-width"
              data-testid="member-capacity"
            />
          </Form.Item>
          <Form.Item name="costRate" label={`${t('members.costRate')} (${currency})`}>
            <InputNumber
              min={0}
              step={digits > 0 ? 10 : 100}
              precision={digits}
              prefix={format.currencySymbol(currency)}
              suffix={t('members.costRateUnit')}
              className="qd-full-width"
              data-testid="member-cost-rate"
            />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
