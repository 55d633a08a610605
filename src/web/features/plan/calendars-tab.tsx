import { Empty } from 'antd';

/** Workspace settings: calendars (being built). */
export function CalendarsTab() {
  return <Empty />;
}
