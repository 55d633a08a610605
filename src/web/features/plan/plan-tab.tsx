import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** The project's plan tab (being built). */
export function PlanTab(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
