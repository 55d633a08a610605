import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { DeleteProjectModal } from './delete-project-modal';

const load = () => import('./delete-project-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.DeleteProjectModal })));

export const preloadDeleteProject = (): void => void load();

export function LazyDeleteProjectModal(props: ComponentProps<typeof DeleteProjectModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
