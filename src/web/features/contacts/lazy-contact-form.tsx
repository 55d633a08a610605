import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { ContactFormModal } from './contact-form-modal';

const load = () => import('./contact-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.ContactFormModal })));

export const preloadContactForm = (): void => void load();

export function LazyContactFormModal(props: ComponentProps<typeof ContactFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
