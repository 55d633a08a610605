import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { AccountFormModal } from './account-form-modal';

const Modal = lazyNamed(() => import('./account-form-modal'), 'AccountFormModal');

export const preloadAccountForm = Modal.preload;

export function LazyAccountFormModal(props: ComponentProps<typeof AccountFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
