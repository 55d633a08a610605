import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** The project's deals as a list (being built). */
export function DealList(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
