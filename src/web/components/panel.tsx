import type { ReactNode } from 'react';

type Props = { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; className?: string };

/** A titled white box (antd's Card look; antd's Card brings its Tabs along, which these pages do not need). */
export function Panel({ title, extra, children, testId, className }: Props) {
  return (
    <section className={className ? `qd-panel ${className}` : 'qd-panel'} data-testid={testId}>
      {(title || extra) && (
        <header className="qd-panel-header">
          <h2 className="qd-panel-title">{title}</h2>
          {extra}
        </header>
      )}
      <div className="qd-panel-body">{children}</div>
    </section>
  );
}
