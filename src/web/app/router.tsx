import { useQueryClient } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useParams } from 'react-router';
import { lazyNamed } from '../components/lazy-named';
import { QueryError } from '../components/query-error';
import { LazyDealPage } from '../features/deals/lazy-deal-page';
import { projectQuery } from '../features/projects/project-query';
import { useMe, useSetupState, wasSignedOutOnPurpose } from './auth';
import { FullPageSpin, PageSpin } from './loading';
import { nextPath } from './next-path';
import { RouteErrorBoundary } from './route-error';
import { AppShell } from './shell';

/**
 * A page loaded on demand: each route is its own chunk, so the first page downloads only what it shows.
 * (Declarative routes rather than a data router: the data router adds ~16 KB gzipped that nothing here uses.)
 */
function page(Page: ComponentType) {
  return (
    <Suspense fallback={<PageSpin />}>
      <Page />
    </Suspense>
  );
}

function Centered({ children }: { children: ReactNode }) {
  return <div className="qd-centered">{children}</div>;
}

/** Sends every page to /setup while the server has no account yet. */
function SetupGate() {
  const setup = useSetupState();
  const me = useMe();
  const location = useLocation();
  if (setup.isPending || me.isPending) return <FullPageSpin />;
  if (setup.isError)
    return (
      <Centered>
        <QueryError error={setup.error} onRetry={() => void setup.refetch()} />
      </Centered>
    );
  if (me.isError)
    return (
      <Centered>
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </Centered>
    );
  const onSetup = location.pathname === '/setup';
  if (setup.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && onSetup) return <Navigate to={me.data ? '/projects' : '/sign-in'} replace />;
  return <Outlet />;
}

function GuestOnly() {
  const me = useMe().data;
  const location = useLocation();
  return me ? <Navigate to={nextPath(location.search)} replace /> : <Outlet />;
}

function RequireUser() {
  const me = useMe().data;
  const location = useLocation();
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    const next = wasSignedOutOnPurpose() || here === '/' || here === '/projects' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <AppShell />;
}

const setupPage = page(lazyNamed(() => import('../features/setup/setup-page'), 'SetupPage'));
const signInPage = page(lazyNamed(() => import('../features/auth/sign-in-page'), 'SignInPage'));
const invitePage = page(lazyNamed(() => import('../features/auth/accept-invitation-page'), 'AcceptInvitationPage'));
const projectsPage = page(lazyNamed(() => import('../features/projects/projects-page'), 'ProjectsPage'));
const projectPage = page(lazyNamed(() => import('../features/projects/project-page'), 'ProjectPage'));
const workspacePage = page(lazyNamed(() => import('../features/workspace/workspace-settings-page'), 'WorkspaceSettingsPage'));
const accountPage = page(lazyNamed(() => import('../features/account/account-page'), 'AccountPage'));
const dealPage = page(LazyDealPage);
const accountsPage = page(lazyNamed(() => import('../features/accounts/accounts-page'), 'AccountsPage'));
const customerPage = page(lazyNamed(() => import('../features/accounts/account-page'), 'AccountPage'));
const contactsPage = page(lazyNamed(() => import('../features/contacts/contacts-page'), 'ContactsPage'));
const contactPage = page(lazyNamed(() => import('../features/contacts/contact-page'), 'ContactPage'));
const notFoundPage = page(lazyNamed(() => import('./not-found'), 'NotFoundPage'));

/**
 * A project's page starts reading its project at once, while the page's code loads: on a hard load the
 * project arrives with the code instead of after it (the page's header is what paints largest).
 */
function ProjectRoute() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  useEffect(() => {
    void client.prefetchQuery(projectQuery(id));
  }, [client, id]);
  return projectPage;
}

export function AppRoutes() {
  const location = useLocation();
  return (
    <RouteErrorBoundary resetKey={location.pathname}>
      <Routes>
        <Route element={<SetupGate />}>
          <Route path="/setup" element={setupPage} />
          <Route element={<GuestOnly />}>
            <Route path="/sign-in" element={signInPage} />
          </Route>
          <Route path="/invite/:token" element={invitePage} />
          <Route element={<RequireUser />}>
            <Route path="/" element={<Navigate to="/projects" replace />} />
            <Route path="/projects" element={projectsPage} />
            <Route path="/projects/:id" element={<ProjectRoute />} />
            <Route path="/deals/:id" element={dealPage} />
            <Route path="/accounts" element={accountsPage} />
            <Route path="/accounts/:id" element={customerPage} />
            <Route path="/contacts" element={contactsPage} />
            <Route path="/contacts/:id" element={contactPage} />
            <Route path="/settings/workspace" element={workspacePage} />
            <Route path="/account" element={accountPage} />
            <Route path="*" element={notFoundPage} />
          </Route>
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}
