import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { checkPassword } from '../../core/auth/password-rules';

type Props = {
  name: string;
  label: string;
  /** Fields holding the e-mail and name the password must not contain. */
  emailField?: NamePath;
  nameField?: NamePath;
  /** Fixed identity when it is not in the form (the account page). */
  identity?: { email?: string; name?: string };
  testId: string;
};

/** A new password, with the rule shown and checked as the user types (the server checks it again). */
export function PasswordField({ name, label, emailField, nameField, identity, testId }: Props) {
  const { t } = useTranslation();
  const dependencies = [emailField, nameField].filter((field): field is NamePath => field !== undefined);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('auth.passwordRule')}
      dependencies={dependencies}
      hasFeedback
      rules={[
        { required: true, message: t('auth.passwordRequired') },
        ({ getFieldValue }) => ({
          validator: (_rule, value: string | undefined) => {
            if (!value) return Promise.resolve();
            const problem = checkPassword(value, {
              email: emailField ? getFieldValue(emailField) : identity?.email,
              name: nameField ? getFieldValue(nameField) : identity?.name,
            });
            return problem ? Promise.reject(new Error(t(`errors.password.${problem}`))) : Promise.resolve();
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" data-testid={testId} />
    </Form.Item>
  );
}
