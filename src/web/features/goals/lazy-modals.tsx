import { type ComponentProps, lazy } from 'react';
import { Deferred } from '../../components/lazy-modal';
import type { GoalFormModal } from './goal-form-modal';
import type { SplitQuotasModal } from './split-quotas-modal';

const loadForm = () => import('./goal-form-modal');
const loadSplit = () => import('./split-quotas-modal');
const FormModal = lazy(() => loadForm().then((module) => ({ default: module.GoalFormModal })));
const SplitModal = lazy(() => loadSplit().then((module) => ({ default: module.SplitQuotasModal })));

export const preloadGoalForm = (): void => void loadForm();
export const preloadSplit = (): void => void loadSplit();

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
