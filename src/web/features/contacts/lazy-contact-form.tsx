import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { ContactFormModal } from './contact-form-modal';

const Modal = lazyNamed(() => import('./contact-form-modal'), 'ContactFormModal');

export const preloadContactForm = Modal.preload;

export function LazyContactFormModal(props: ComponentProps<typeof ContactFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
