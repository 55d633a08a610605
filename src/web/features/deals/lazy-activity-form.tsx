import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { ActivityFormModal } from './activity-form-modal';

const load = () => import('./activity-form-modal');
const Modal = lazy(() => load().then((module) => ({ default: module.ActivityFormModal })));

export const preloadActivityForm = (): void => void load();

export function LazyActivityFormModal(props: ComponentProps<typeof ActivityFormModal>) {
  return (
    <Deferred open={props.open}>
      <Modal {...props} />
    </Deferred>
  );
}
