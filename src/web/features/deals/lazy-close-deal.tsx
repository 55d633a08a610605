import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { CloseDealModal } from './close-deal-modal';

const Modal = lazyNamed(() => import('./close-deal-modal'), 'CloseDealModal');

export const preloadCloseDeal = Modal.preload;

/** The win / lose dialog, downloaded when first opened (it brings the date pickers). */
export function LazyCloseDealModal(props: ComponentProps<typeof CloseDealModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
