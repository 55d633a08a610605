import { Empty } from 'antd';

/** Workspace settings: stages (being built). */
export function StagesTab() {
  return <Empty />;
}
