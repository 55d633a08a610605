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

type State = { error: unknown };

/** A page that threw while rendering: say so and offer a reload (a new deploy can make old chunks disappear). */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    return this.state.error ? <CrashNotice /> : this.props.children;
  }
}
