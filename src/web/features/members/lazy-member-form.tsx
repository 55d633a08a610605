import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { MemberFormModal } from './member-form-modal';

const Modal = lazyNamed(() => import('./member-form-modal'), 'MemberFormModal');

export const preloadMemberForm = Modal.preload;

export function LazyMemberFormModal(props: ComponentProps<typeof MemberFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
