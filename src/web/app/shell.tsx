import { BankOutlined, ContactsOutlined, MenuOutlined, ProjectOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Typography } from 'antd';
import { Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { lazyNamed } from '../components/lazy-named';
import logoUrl from '../favicon.svg';
import { isAdmin, useCurrentUser } from './auth';
import { PageSpin } from './loading';
import { UserMenu } from './user-menu';

const MobileNav = lazyNamed(() => import('./mobile-nav'), 'MobileNav');

/** Which side-menu entry a path belongs to. */
function sectionOf(pathname: string): string {
  if (pathname.startsWith('/settings')) return 'workspace';
  if (pathname.startsWith('/accounts')) return 'accounts';
  if (pathname.startsWith('/contacts')) return 'contacts';
  if (pathname === '/account') return 'account';
  return 'projects';
}

function Brand() {
  return (
    <Link to="/projects" className="qd-brand" data-testid="brand">
      <img src={logoUrl} alt="" width={24} height={24} className="qd-brand-logo" />
      <span>Quarterdeck</span>
    </Link>
  );
}

/** The signed-in frame: side menu (a drawer on phones), top bar with workspace and user menu, the page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  // The router's navigate changes with every location; the user menu gets one that does not, so it is not
  // drawn again on every page change (a tenth of opening a deal from the board).
  const navigateRef = useRef(navigate);
  useLayoutEffect(() => {
    navigateRef.current = navigate;
  });
  const goTo = useCallback((path: string) => navigateRef.current(path), []);
  const screens = Grid.useBreakpoint();
  const isNarrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = [
    { key: 'projects', path: '/projects', icon: <ProjectOutlined />, label: t('nav.projects') },
    { key: 'accounts', path: '/accounts', icon: <BankOutlined />, label: t('accounts.nav') },
    { key: 'contacts', path: '/contacts', icon: <ContactsOutlined />, label: t('accounts.contactsNav') },
    ...(isAdmin(me) ? [{ key: 'workspace', path: '/settings/workspace', icon: <SettingOutlined />, label: t('nav.workspace') }] : []),
    { key: 'account', path: '/account', icon: <UserOutlined />, label: t('nav.account') },
  ];
  const section = sectionOf(location.pathname);
  // Plain links (antd's Menu with its dropdown machinery was a tenth of every page's first JavaScript).
  const menu = (
    <nav aria-label={t('nav.main')} className="qd-side-menu">
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <Link
              to={item.path}
              className={item.key === section ? 'qd-side-link qd-side-link-active' : 'qd-side-link'}
              aria-current={item.key === section ? 'page' : undefined}
              onClick={() => setDrawerOpen(false)}
              data-testid={`nav-${item.key}`}
            >
              <span className="qd-side-link-icon" aria-hidden>
                {item.icon}
              </span>
              <span>{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );

  return (
    <Layout className="qd-shell">
      {!isNarrow && (
        <Layout.Sider width={220} theme="light" className="qd-sider" data-testid="side-menu">
          <Brand />
          {menu}
        </Layout.Sider>
      )}
      {isNarrow && (
        <Suspense fallback={null}>
          <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} title={<Brand />}>
            {menu}
          </MobileNav>
        </Suspense>
      )}
      <Layout>
        <Layout.Header className="qd-header">
          {isNarrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label={t('nav.openMenu')}
              data-testid="menu-toggle"
            />
          )}
          <Typography.Text strong ellipsis className="qd-workspace-name" data-testid="workspace-name">
            {me.workspace.name}
          </Typography.Text>
          <UserMenu goTo={goTo} />
        </Layout.Header>
        <Layout.Content className="qd-content">
          <Suspense fallback={<PageSpin />}>
            {/* A page starts afresh at each address (another deal, another project); the shell around it stays. */}
            <Outlet key={location.pathname} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
