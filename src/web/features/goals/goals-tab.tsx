import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** The project's goals tab (being built). */
export function GoalsTab(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
