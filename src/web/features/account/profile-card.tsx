import { Button, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/common/schemas';
import { useCurrentUser } from '../../app/auth';
import { useMessage } from '../../app/feedback';
import { i18n, loadLocale } from '../../app/i18n';
import { LanguageSelect } from '../../components/language-select';
import { Panel } from '../../components/panel';
import { TimeZoneSelect } from '../../components/time-zone-select';
import { useUpdateMe } from './use-account';

type ProfileForm = { name: string; locale: Locale; timeZone: string };

/** Name, language and time zone; saving a new language re-renders the whole app in it. */
export function ProfileCard() {
  const { t } = useTranslation();
  const message = useMessage();
  const me = useCurrentUser();
  const update = useUpdateMe();
  const [form] = Form.useForm<ProfileForm>();

  return (
    <Panel title={t('account.profile')} testId="profile-card">
      <Descriptions column={1} size="small" className="qd-block-gap">
        <Descriptions.Item label={t('account.email')}>{me.user.email}</Descriptions.Item>
        <Descriptions.Item label={t('account.workspaceRole')}>
          {me.workspace.name} · {t(`roles.workspace.${me.role}`)}
        </Descriptions.Item>
      </Descriptions>
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        key={me.user.version}
        initialValues={{ name: me.user.name, locale: me.user.locale, timeZone: me.user.timeZone }}
        onFinish={(values) =>
          update.mutate(values, {
            // Said in the language just chosen (its words may still be on their way).
            onSuccess: (saved) =>
              void loadLocale(saved.user.locale).then(() => message.success(i18n.getFixedT(saved.user.locale)('account.profileSaved'))),
          })
        }
      >
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.nameRequired') }]}>
          <Input maxLength={100} autoComplete="name" data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="locale" label={t('auth.language')}>
          <LanguageSelect testId="profile-locale" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('auth.timeZone')} extra={t('auth.timeZoneHint')}>
          <TimeZoneSelect testId="profile-time-zone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-save">
          {t('app.save')}
        </Button>
      </Form>
    </Panel>
  );
}
