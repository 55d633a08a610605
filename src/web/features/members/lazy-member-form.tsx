import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { MemberFormModal } from './member-form-modal';

const load = () => import('./member-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.MemberFormModal })));

export const preloadMemberForm = (): void => void load();

export function LazyMemberFormModal(props: ComponentProps<typeof MemberFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
