import { type ComponentProps } from 'react';
import { Deferred } from './lazy-modal';
import { lazyNamed } from './lazy-named';
import type { SecretModal } from './secret-modal';

const Modal = lazyNamed(() => import('./secret-modal'), 'SecretModal');

export function LazySecretModal(props: ComponentProps<typeof SecretModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
