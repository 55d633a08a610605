import { Empty } from 'antd';

/** `/accounts/:id`: one customer (being built). */
export function AccountPage() {
  return <Empty />;
}
