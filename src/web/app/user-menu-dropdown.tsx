import { CheckOutlined, GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Dropdown, type MenuProps } from 'antd';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateMe } from '../features/account/use-account';
import { useCurrentUser, useSignOut } from './auth';
import { toast } from './feedback';
import { LOCALES } from './i18n';

type Props = { goTo: (path: string) => void; initialOpen: boolean; children: ReactElement };

/** The top-right menu around its button: who is signed in, account, language, sign out (its own chunk, see user-menu.tsx). */
export function UserMenuDropdown({ goTo, initialOpen, children }: Props) {
  const [open, setOpen] = useState(initialOpen);
  const { t } = useTranslation();
  const me = useCurrentUser();
  const signOut = useSignOut();
  const updateMe = useUpdateMe();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div className="qd-user-menu-who">
          <div className="qd-user-menu-name">{me.user.name}</div>
          <div className="qd-user-menu-email">{me.user.email}</div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'account', icon: <UserOutlined />, label: t('nav.account'), 'data-testid': 'user-menu-account' },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('nav.language'),
      'data-testid': 'user-menu-language',
      children: LOCALES.map((locale) => ({
        key: `locale:${locale}`,
        label: t(`language.${locale}`),
        icon: locale === me.user.locale ? <CheckOutlined /> : <span className="qd-icon-space" />,
        'data-testid': `user-menu-locale-${locale}`,
      })),
    },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('nav.signOut'), danger: true, 'data-testid': 'sign-out' },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') goTo('/account');
    else if (key === 'sign-out') {
      // Without a session the router goes to the sign-in page.
      signOut.mutate(undefined, { onSettled: () => toast.success(t('signIn.signedOut')) });
    } else if (key.startsWith('locale:')) {
      const locale = LOCALES.find((candidate) => `locale:${candidate}` === key);
      if (locale && locale !== me.user.locale) updateMe.mutate({ locale });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight">
      {children}
    </Dropdown>
  );
}
