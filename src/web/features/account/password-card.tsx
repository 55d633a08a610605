import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth';
import { passwordProblemOf } from '../../app/errors';
import { useMessage } from '../../app/feedback';
import { FormError } from '../../components/form-error';
import { Panel } from '../../components/panel';
import { PasswordField } from '../../components/password-field';
import { useChangePassword } from './use-account';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

/** A new password; the server signs out the user's other sessions. */
export function PasswordCard() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordForm>();

  const submit = ({ currentPassword, newPassword }: PasswordForm) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t('account.passwordChanged'));
        },
        onError: (error) => {
          const problem = passwordProblemOf(error);
          if (problem) form.setFields([{ name: 'newPassword', errors: [t(`errors.password.${problem}`)] }]);
        },
      },
    );

  return (
    <Panel title={t('account.password')} testId="password-card">
      <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <PasswordField
          name="newPassword"
          label={t('account.newPassword')}
          identity={{ email: me.user.email, name: me.user.name }}
          testId="password-new"
        />
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <FormError error={change.error && !passwordProblemOf(change.error) ? change.error : null} />
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Panel>
  );
}
