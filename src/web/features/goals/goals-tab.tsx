import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { GoalNode } from '../../../core/goals/schemas';
import type { Project } from '../../../core/projects/schemas';
import { isAdmin, useCurrentUser } from '../../app/auth';
import { applyDayjsLocale } from '../../app/dayjs-locale';
import { useMessage } from '../../app/feedback';
import { useLocale } from '../../app/locale';
import { QueryError } from '../../components/query-error';
import { useMembers } from '../members/use-members';
import { GoalDetail } from './goal-detail';
import { GoalTree } from './goal-tree';
import { LazyGoalFormModal, LazySplitQuotasModal, preloadGoalForm, preloadSplit } from './lazy-modals';
import { goalKeys, useCreateGoal, useCreateGoals, useDeleteGoal, useGoalTree, useUpdateGoal } from './use-goals';
import './goals.css';

/**
 * The project's tabs stay mounted: coming back to this one (after winning a deal on the pipeline, say) reloads the
 * progress and forecasts. The first showing loads them anyway.
 */
function useRefreshWhenShown(shown: boolean): void {
  const client = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (shown) void client.invalidateQueries({ queryKey: goalKeys.all });
  }, [shown, client]);
}

type Editing = { mode: 'create'; parentId?: string } | { mode: 'edit'; goal: GoalNode } | null;

/** The project's goals: the tree with progress, and the selected goal's forecast (`?tab=goals&goal=<id>`). */
export function GoalsTab({ project, canManage }: { project: Project; canManage: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  applyDayjsLocale(locale);
  const message = useMessage();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tree = useGoalTree(project.id);
  const members = useMembers(project.id);
  const create = useCreateGoal(project.id);
  const createMany = useCreateGoals(project.id);
  const update = useUpdateGoal(project.id);
  const remove = useDeleteGoal(project.id);
  const [editing, setEditing] = useState<Editing>(null);
  const [splitting, setSplitting] = useState<GoalNode | null>(null);
  const [lastSelected, setLastSelected] = useState<string | null>(null);
  useRefreshWhenShown(params.get('tab') === 'goals');

  if (tree.isError) return <QueryError error={tree.error} onRetry={() => void tree.refetch()} />;
  const items = tree.data?.items ?? [];
  const memberList = members.data?.items ?? [];
  const names = new Map(memberList.map((member) => [member.userId, member.userName]));
  const myRole = memberList.find((member) => member.userId === me.user.id)?.role;
  const canCheckIn = isAdmin(me) || (myRole !== undefined && myRole !== 'viewer');
  const ownerName = (userId: string) => names.get(userId) ?? '—';
  // The address names the selected goal; switching the project's tabs drops it, so the last choice is kept here too.
  const selected = items.find((goal) => goal.id === (params.get('goal') ?? lastSelected)) ?? items[0] ?? null;
  const select = (id: string | null) => {
    setLastSelected(id);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('goal', id);
        else next.delete('goal');
        return next;
      },
      { replace: true },
    );
  };

  const newButton = canManage && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing({ mode: 'create' })}
      onMouseEnter={preloadGoalForm}
      onFocus={preloadGoalForm}
      data-testid="goal-add"
    >
      {t('goals.add')}
    </Button>
  );

  return (
    <div className="qd-goals" data-testid="goals-tab">
      {items.length === 0 && !tree.isPending ? (
        <Empty
          image={<AimOutlined className="qd-goals-empty-icon" />}
          description={
            <Flex vertical gap={4} align="center">
              <Typography.Text strong>{t('goals.emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary" className="qd-empty-text">
                {canManage ? t('goals.emptyText') : t('goals.emptyReadOnly')}
              </Typography.Text>
            </Flex>
          }
          data-testid="goals-empty"
        >
          {newButton}
        </Empty>
      ) : (
        <>
          <Flex justify="flex-end" className="qd-toolbar">
            {newButton}
          </Flex>
          <GoalTree items={items} selectedId={selected?.id ?? null} onSelect={select} ownerName={ownerName} />
          {selected && tree.data && (
            <GoalDetail
              key={selected.id}
              goal={selected}
              today={tree.data.today}
              canManage={canManage}
              canSeeRates={isAdmin(me)}
              canCheckIn={canCheckIn}
              ownerName={ownerName}
              onSelect={select}
              actions={{
                onEdit: () => setEditing({ mode: 'edit', goal: selected }),
                onAddChild: () => setEditing({ mode: 'create', parentId: selected.id }),
                onSplit: () => {
                  preloadSplit();
                  setSplitting(selected);
                },
                onDelete: () =>
                  remove.mutateAsync(selected).then(() => {
                    select(null);
                    message.success(t('goals.deleted'));
                  }),
                deleting: remove.isPending,
              }}
            />
          )}
        </>
      )}
      <LazyGoalFormModal
        open={editing !== null}
        project={project}
        goal={editing?.mode === 'edit' ? editing.goal : undefined}
        parentId={editing?.mode === 'create' ? editing.parentId : undefined}
        goals={items}
        members={memberList}
        pending={create.isPending || update.isPending}
        onCancel={() => setEditing(null)}
        onSubmit={(body) => {
          if (editing?.mode === 'edit') {
            // The latest loaded version: after a conflict the tree has reloaded and the user tries again on it.
            const version = items.find((goal) => goal.id === editing.goal.id)?.version ?? editing.goal.version;
            update.mutate(
              { id: editing.goal.id, patch: { ...body, version } },
              {
                onSuccess: () => {
                  setEditing(null);
                  message.success(t('goals.updated'));
                },
              },
            );
          } else {
            create.mutate(body, {
              onSuccess: (goal) => {
                setEditing(null);
                select(goal.id);
                message.success(t('goals.created'));
              },
            });
          }
        }}
      />
      {splitting && (
        <LazySplitQuotasModal
          open
          goal={splitting}
          existing={items.filter((goal) => goal.parentId === splitting.id)}
          members={memberList}
          pending={createMany.isPending}
          onCancel={() => setSplitting(null)}
          onSubmit={(bodies) =>
            createMany.mutate(bodies, {
              onSuccess: (created) => {
                setSplitting(null);
                message.success(t('goals.splitDone', { count: created.length }));
              },
            })
          }
        />
      )}
    </div>
  );
}
