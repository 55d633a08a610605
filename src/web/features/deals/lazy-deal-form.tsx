import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { DealFormModal } from './deal-form-modal';

const load = () => import('./deal-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.DealFormModal })));

/** Starts downloading the deal form on hover or focus of the button that opens it. */
export const preloadDealForm = (): void => void load();

export function LazyDealFormModal(props: ComponentProps<typeof DealFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
