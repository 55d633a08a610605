import { Alert, Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function CrashNotice() {
  const { t } = useTranslation();
  return (
    <div className="qd-centered">
      <Alert
        type="error"
        showIcon
        title={t('app.crashTitle')}
        description={t('app.crashText')}
        action={
          <Button type="primary" onClick={() => window.location.reload()} data-testid="crash-reload">
            {t('app.reload')}
          </Button>
        }
      />
    </div>
  );
}

type Props = { children: ReactNode; resetKey: string };
type State = { error: unknown; resetKey: string };

/**
 * A page that threw while rendering: say so and offer a reload (a new deploy can make old chunks disappear). Going to
 * another address (`resetKey`) clears the error; the pages under it are not mounted anew on every navigation (as a
 * `key` would do: the shell, its menu and icons again each time a deal is opened).
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.error ? <CrashNotice /> : this.props.children;
  }
}
