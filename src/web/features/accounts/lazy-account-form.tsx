import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { AccountFormModal } from './account-form-modal';

const load = () => import('./account-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.AccountFormModal })));

export const preloadAccountForm = (): void => void load();

export function LazyAccountFormModal(props: ComponentProps<typeof AccountFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
