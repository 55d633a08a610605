import { DownOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { memo, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed, useWantedSoon } from '../components/lazy-named';
import { useCurrentUser } from './auth';

const UserMenuDropdown = lazyNamed(() => import('./user-menu-dropdown'), 'UserMenuDropdown');

const initialOf = (name: string) => [...name.trim()][0]?.toUpperCase() ?? '?';

/**
 * The top-right button: who is signed in. Its menu (account, language, sign out; antd's Dropdown and Menu, a
 * tenth of every page's first JavaScript) downloads when the pointer comes near the button, or in idle time once the
 * page has had 3 s to load; a click before that opens it once it has.
 */
export const UserMenu = memo(function UserMenu({ goTo }: { goTo: (path: string) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [wanted, want] = useWantedSoon(UserMenuDropdown, 3000);
  const [clickedEarly, setClickedEarly] = useState(false);

  const button = (
    <Button
      type="text"
      className="qd-user-button"
      aria-label={t('nav.userMenu')}
      aria-haspopup="menu"
      onPointerEnter={UserMenuDropdown.preload}
      onFocus={UserMenuDropdown.preload}
      onClick={
        wanted
          ? undefined
          : () => {
              setClickedEarly(true);
              want();
            }
      }
      data-testid="user-menu"
    >
      <span className="qd-avatar" aria-hidden>
        {initialOf(me.user.name)}
      </span>
      <span className="qd-user-button-name">{me.user.name}</span>
      <DownOutlined className="qd-user-button-caret" />
    </Button>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <UserMenuDropdown goTo={goTo} initialOpen={clickedEarly}>
        {button}
      </UserMenuDropdown>
    </Suspense>
  );
});
