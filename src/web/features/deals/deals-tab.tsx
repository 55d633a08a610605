import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** The project's deals tab (being built). */
export function DealsTab(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
