import { Empty } from 'antd';

/** `/contacts`: the workspace's contacts (being built). */
export function ContactsPage() {
  return <Empty />;
}
