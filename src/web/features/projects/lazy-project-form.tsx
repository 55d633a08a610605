import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { ProjectFormModal } from './project-form-modal';

const Modal = lazyNamed(() => import('./project-form-modal'), 'ProjectFormModal');

/** Starts downloading the form (date pickers and all) on hover or focus of the button that opens it. */
export const preloadProjectForm = Modal.preload;

export function LazyProjectFormModal(props: ComponentProps<typeof ProjectFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
