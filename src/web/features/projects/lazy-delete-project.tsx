import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { DeleteProjectModal } from './delete-project-modal';

const Modal = lazyNamed(() => import('./delete-project-modal'), 'DeleteProjectModal');

export const preloadDeleteProject = Modal.preload;

export function LazyDeleteProjectModal(props: ComponentProps<typeof DeleteProjectModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
