import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div className="qd-centered" data-testid="loading">
      <Spin size="large" />
    </div>
  );
}

export function PageSpin() {
  return (
    <div className="qd-page-spin" data-testid="loading">
      <Spin />
    </div>
  );
}
