import { Empty } from 'antd';
import type { Project } from '../../../core/projects/schemas';

/** Import deals, accounts and contacts (being built). */
export function ImportWizard(_props: { project: Project; canManage: boolean }) {
  return <Empty />;
}
