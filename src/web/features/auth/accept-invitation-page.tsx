import { Alert, Button, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Locale } from '../../../core/common/schemas';
import { useMe } from '../../app/auth';
import { passwordProblemOf } from '../../app/errors';
import { browserTimeZone } from '../../app/i18n';
import { useFormat, useLocale } from '../../app/locale';
import { FormError } from '../../components/form-error';
import { LanguageSelect } from '../../components/language-select';
import { PasswordField } from '../../components/password-field';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { PublicLayout } from './public-layout';
import { useAcceptInvitation, useInvitationPreview } from './use-auth-forms';

type AcceptForm = { name: string; email: string; password: string; locale: Locale; timeZone: string };

/** `/invite/:token`: what the invitation is for, then a new account that joins the workspace. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { locale, setGuestLocale } = useLocale();
  const me = useMe().data;
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const [form] = Form.useForm<AcceptForm>();

  if (preview.isPending) {
    return (
      <PublicLayout title={t('invite.title')}>
        <Skeleton active />
      </PublicLayout>
    );
  }
  if (preview.isError) {
    return (
      <PublicLayout title={t('invite.invalidTitle')} testId="invite-invalid">
        <Result
          status="warning"
          title={t('invite.invalidTitle')}
          subTitle={t('invite.invalidText')}
          extra={
            <Link to="/sign-in">
              <Button>{t('invite.toSignIn')}</Button>
            </Link>
          }
        />
      </PublicLayout>
    );
  }

  const invitation = preview.data;
  const submit = (values: AcceptForm) =>
    accept.mutate(
      { ...values, token },
      {
        onSuccess: () => navigate('/projects', { replace: true }),
        onError: (error) => {
          const problem = passwordProblemOf(error);
          if (problem) form.setFields([{ name: 'password', errors: [t(`errors.password.${problem}`)] }]);
        },
      },
    );

  return (
    <PublicLayout title={t('invite.title')} testId="invite-page">
      <Typography.Title level={3}>{t('invite.title')}</Typography.Title>
      <Typography.Paragraph>
        {t('invite.intro', { workspace: invitation.workspaceName, role: t(`roles.workspace.${invitation.role}`) })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('invite.expires', { date: format.dateTime(invitation.expiresAt) })}</Typography.Paragraph>
      {me && <Alert type="info" showIcon className="qd-block-gap" title={t('invite.signedInAs', { name: me.user.name })} />}
      <Form<AcceptForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ email: invitation.email ?? '', locale, timeZone: browserTimeZone() }}
        onFinish={submit}
        onValuesChange={(changed: Partial<AcceptForm>) => {
          if (changed.locale && !me) setGuestLocale(changed.locale);
        }}
      >
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.nameRequired') }]}>
          <Input autoComplete="name" maxLength={100} data-testid="invite-name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('auth.email')}
          extra={invitation.email ? t('invite.emailFixed') : undefined}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="email" readOnly={Boolean(invitation.email)} data-testid="invite-email" />
        </Form.Item>
        <PasswordField name="password" label={t('auth.password')} emailField="email" nameField="name" testId="invite-password" />
        <Form.Item name="locale" label={t('auth.language')}>
          <LanguageSelect testId="invite-locale" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('auth.timeZone')}>
          <TimeZoneSelect testId="invite-time-zone" />
        </Form.Item>
        <FormError error={accept.error && !passwordProblemOf(accept.error) ? accept.error : null} />
        <Button type="primary" htmlType="submit" size="large" block loading={accept.isPending} data-testid="invite-submit">
          {t('invite.submit')}
        </Button>
      </Form>
    </PublicLayout>
  );
}
