import { Empty } from 'antd';

/** Workspace settings: exchange-rates (being built). */
export function ExchangeRatesTab() {
  return <Empty />;
}
