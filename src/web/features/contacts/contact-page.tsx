import { Empty } from 'antd';

/** `/contacts/:id`: one contact (being built). */
export function ContactPage() {
  return <Empty />;
}
