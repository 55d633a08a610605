import { Empty } from 'antd';

/** `/deals/:id`: one deal (being built). */
export function DealPage() {
  return <Empty />;
}
