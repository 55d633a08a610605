import { type ComponentProps, lazy } from 'react';
import { Deferred } from './lazy-modal';
import type { SecretModal } from './secret-modal';

const Modal = lazy(() => import('./secret-modal').then((module) => ({ default: module.SecretModal })));

export function LazySecretModal(props: ComponentProps<typeof SecretModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
