import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** A member's week of time entries (being built). */
export function TimeWeekView(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
