import { Empty } from 'antd';

/** `/accounts`: the workspace's customers (being built). */
export function AccountsPage() {
  return <Empty />;
}
