import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { DealFormModal } from './deal-form-modal';

const Modal = lazyNamed(() => import('./deal-form-modal'), 'DealFormModal');

/** Starts downloading the deal form on hover or focus of the button that opens it. */
export const preloadDealForm = Modal.preload;

export function LazyDealFormModal(props: ComponentProps<typeof DealFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
