import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { ActivityFormModal } from './activity-form-modal';

const Modal = lazyNamed(() => import('./activity-form-modal'), 'ActivityFormModal');

export const preloadActivityForm = Modal.preload;

export function LazyActivityFormModal(props: ComponentProps<typeof ActivityFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
