import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { ProjectFormModal } from './project-form-modal';

const load = () => import('./project-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.ProjectFormModal })));

/** Starts downloading the form (date pickers and all) on hover or focus of the button that opens it. */
export const preloadProjectForm = (): void => void load();

export function LazyProjectFormModal(props: ComponentProps<typeof ProjectFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
