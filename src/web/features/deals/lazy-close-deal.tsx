import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { CloseDealModal } from './close-deal-modal';

const load = () => import('./close-deal-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.CloseDealModal })));

export const preloadCloseDeal = (): void => void load();

/** The win / lose dialog, downloaded when first opened (it brings the date pickers). */
export function LazyCloseDealModal(props: ComponentProps<typeof CloseDealModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
