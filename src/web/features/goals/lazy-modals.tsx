import { type ComponentProps } from 'react';
import { Deferred } from '../../components/lazy-modal';
import { lazyNamed } from '../../components/lazy-named';
import type { GoalFormModal } from './goal-form-modal';
import type { SplitQuotasModal } from './split-quotas-modal';

const FormModal = lazyNamed(() => import('./goal-form-modal'), 'GoalFormModal');
const SplitModal = lazyNamed(() => import('./split-quotas-modal'), 'SplitQuotasModal');

export const preloadGoalForm = FormModal.preload;
export const preloadSplit = SplitModal.preload;

/** The goal form (with its SMART check and pickers) downloads when first opened. */
export function LazyGoalFormModal(props: ComponentProps<typeof GoalFormModal>) {
  return (
    <Deferred open={props.open}>
      <FormModal {...props} />
    </Deferred>
  );
}

export function LazySplitQuotasModal(props: ComponentProps<typeof SplitQuotasModal>) {
  return (
    <Deferred open={props.open}>
      <SplitModal {...props} />
    </Deferred>
  );
}
