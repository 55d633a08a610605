import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { QueryError } from '../components/query-error';
import { useMe, useSetupState } from './auth';
import { FullPageSpin, PageSpin } from './loading';
import { nextPath } from './next-path';
import { NotFoundPage, RouteErrorPage } from './not-found';
import { AppShell } from './shell';

/** A page loaded on demand: each route is its own chunk, so the first page downloads only what it shows. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(() => load().then((module) => ({ default: module[name] })));
  return (
    <Suspense fallback={<PageSpin />}>
      <Page />
    </Suspense>
  );
}

/** Sends every page to /setup while the server has no account yet. */
function SetupGate() {
  const setup = useSetupState();
  const me = useMe();
  const location = useLocation();
  if (setup.isPending || me.isPending) return <FullPageSpin />;
  if (setup.isError) return <Centered><QueryError error={setup.error} onRetry={() => void setup.refetch()} /></Centered>;
  if (me.isError) return <Centered><QueryError error={me.error} onRetry={() => void me.refetch()} /></Centered>;
  const onSetup = location.pathname === '/setup';
  if (setup.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!setup.data.needsSetup && onSetup) return <Navigate to={me.data ? '/projects' : '/sign-in'} replace />;
  return <Outlet />;
}

function Centered({ children }: { children: ReactNode }) {
  return <div className="qd-centered">{children}</div>;
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
    const next = here === '/' || here === '/projects' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <AppShell />;
}

export const router = createBrowserRouter([
  {
    element: <SetupGate />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/setup', element: page(() => import('../features/setup/setup-page'), 'SetupPage') },
      {
        element: <GuestOnly />,
        children: [{ path: '/sign-in', element: page(() => import('../features/auth/sign-in-page'), 'SignInPage') }],
      },
      { path: '/invite/:token', element: page(() => import('../features/auth/accept-invitation-page'), 'AcceptInvitationPage') },
      {
        element: <RequireUser />,
        errorElement: <RouteErrorPage />,
        children: [
          { path: '/', element: <Navigate to="/projects" replace /> },
          { path: '/projects', element: page(() => import('../features/projects/projects-page'), 'ProjectsPage') },
          { path: '/projects/:id', element: page(() => import('../features/projects/project-page'), 'ProjectPage') },
          {
            path: '/settings/workspace',
            element: page(() => import('../features/workspace/workspace-settings-page'), 'WorkspaceSettingsPage'),
          },
          { path: '/account', element: page(() => import('../features/account/account-page'), 'AccountPage') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
