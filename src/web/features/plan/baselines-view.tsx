import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** The plan's baselines and their variance (being built). */
export function BaselinesView(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
