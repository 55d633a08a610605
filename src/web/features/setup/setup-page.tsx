import { Button, Checkbox, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Locale } from '../../../core/common/schemas';
import { passwordProblemOf } from '../../app/errors';
import { browserTimeZone } from '../../app/i18n';
import { useLocale } from '../../app/locale';
import { FormError } from '../../components/form-error';
import { LanguageSelect } from '../../components/language-select';
import { PasswordField } from '../../components/password-field';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { PublicLayout } from '../auth/public-layout';
import { useSignup } from '../auth/use-auth-forms';

type SetupForm = {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  locale: Locale;
  timeZone: string;
  demo: boolean;
};

/** First run: the owner account, the workspace and (by default) a demo sales project. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { locale, setGuestLocale } = useLocale();
  const [form] = Form.useForm<SetupForm>();
  const signup = useSignup();

  const submit = (values: SetupForm) => {
    signup.mutate(values, {
      onSuccess: () => navigate('/projects', { replace: true }),
      onError: (error) => {
        const problem = passwordProblemOf(error);
        if (problem) form.setFields([{ name: 'password', errors: [t(`errors.password.${problem}`)] }]);
      },
    });
  };

  return (
    <PublicLayout title={t('setup.title')} testId="setup-page">
      <Typography.Title level={3}>{t('setup.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ locale, timeZone: browserTimeZone(), demo: true }}
        onFinish={submit}
        onValuesChange={(changed: Partial<SetupForm>) => {
          if (changed.locale) setGuestLocale(changed.locale);
        }}
      >
        <Divider titlePlacement="start">{t('setup.owner')}</Divider>
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.nameRequired') }]}>
          <Input autoComplete="name" maxLength={100} data-testid="setup-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.email')}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="email" data-testid="setup-email" />
        </Form.Item>
        <PasswordField name="password" label={t('auth.password')} emailField="email" nameField="name" testId="setup-password" />

        <Divider titlePlacement="start">{t('setup.workspace')}</Divider>
        <Form.Item
          name="workspaceName"
          label={t('setup.workspaceName')}
          rules={[{ required: true, whitespace: true, message: t('setup.workspaceNameRequired') }]}
        >
          <Input placeholder={t('setup.workspaceNamePlaceholder')} maxLength={100} data-testid="setup-workspace" />
        </Form.Item>
        <Form.Item name="locale" label={t('auth.language')}>
          <LanguageSelect testId="setup-locale" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('auth.timeZone')} extra={t('auth.timeZoneHint')}>
          <TimeZoneSelect testId="setup-time-zone" />
        </Form.Item>
        <Form.Item name="demo" valuePropName="checked" extra={t('setup.demoHint')}>
          <Checkbox data-testid="setup-demo">{t('setup.demo')}</Checkbox>
        </Form.Item>

        <FormError error={signup.error && !passwordProblemOf(signup.error) ? signup.error : null} />
        <Button type="primary" htmlType="submit" size="large" block loading={signup.isPending} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </PublicLayout>
  );
}
