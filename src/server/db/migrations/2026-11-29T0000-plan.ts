import type { Kysely } from 'kysely';

/**
 * The plan of a project (SPEC §1.3): tasks (a tree of any depth), their assignees, dependencies,
 * saved baselines and time entries, and the plan's revision.
 *
 * Every reference carries workspace_id and, inside a project, project_id too: a task's parent, a
 * dependency's two ends, an assignee and a time entry's task must be in the same project, and the
 * database refuses anything else (the `(workspace_id, project_id, id)` key of tasks makes that possible).
 * Deleting a project deletes its plan; deleting a task deletes its subtree, its dependencies, its
 * assignments and its time entries; removing a member from a project removes their assignments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per project whose plan has been written: its revision goes up in the transaction of every
  // change of the plan (and the row is the lock that serializes those changes). Computed views of the
  // plan are valid for one revision.
  await db.schema
    .createTable('plan_revisions')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_revisions_pk', ['workspace_id', 'project_id'])
    .addForeignKeyConstraint('plan_revisions_project', ['workspace_id', 'project_id'], 'projects', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('start_no_earlier_than', 'text')
    .addColumn('estimate_hours', 'double precision')
    .addColumn('planned_cost', 'bigint', (c) => c.notNull())
    .addColumn('percent_complete', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    // No sprints table yet: the foreign key comes with it.
    .addColumn('sprint_id', 'text')
    .addColumn('story_points', 'double precision')
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tasks_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('tasks_in_project', ['workspace_id', 'project_id', 'id'])
    .addForeignKeyConstraint('tasks_project', ['workspace_id', 'project_id'], 'projects', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'tasks_parent',
      ['workspace_id', 'project_id', 'parent_id'],
      'tasks',
      ['workspace_id', 'project_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('tasks_children').on('tasks').columns(['workspace_id', 'project_id', 'parent_id', 'sort_order']).execute();

  await db.schema
    .createTable('task_assignees')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_assignees_pk', ['workspace_id', 'project_id', 'task_id', 'user_id'])
    .addForeignKeyConstraint(
      'task_assignees_task',
      ['workspace_id', 'project_id', 'task_id'],
      'tasks',
      ['workspace_id', 'project_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'task_assignees_member',
      ['workspace_id', 'project_id', 'user_id'],
      'project_members',
      ['workspace_id', 'project_id', 'user_id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('task_assignees_project').on('task_assignees').columns(['workspace_id', 'project_id', 'user_id']).execute();

  await db.schema
    .createTable('dependencies')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('predecessor_id', 'text', (c) => c.notNull())
    .addColumn('successor_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('lag', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dependencies_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('dependencies_once', ['workspace_id', 'project_id', 'predecessor_id', 'successor_id'])
    .addForeignKeyConstraint(
      'dependencies_predecessor',
      ['workspace_id', 'project_id', 'predecessor_id'],
      'tasks',
      ['workspace_id', 'project_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'dependencies_successor',
      ['workspace_id', 'project_id', 'successor_id'],
      'tasks',
      ['workspace_id', 'project_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('dependencies_successor')
    .on('dependencies')
    .columns(['workspace_id', 'project_id', 'successor_id'])
    .execute();

  await db.schema
    .createTable('baselines')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('project_start', 'text', (c) => c.notNull())
    .addColumn('project_finish', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('baselines_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('baselines_project', ['workspace_id', 'project_id'], 'projects', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('baselines_project').on('baselines').columns(['workspace_id', 'project_id', 'created_at']).execute();

  // A baseline keeps a task's planned dates even after the task is deleted: no foreign key to tasks.
  await db.schema
    .createTable('baseline_tasks')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('baseline_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('is_summary', 'integer', (c) => c.notNull())
    .addColumn('es', 'integer', (c) => c.notNull())
    .addColumn('ef', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('finish_date', 'text', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('planned_cost', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('baseline_tasks_pk', ['workspace_id', 'baseline_id', 'task_id'])
    .addForeignKeyConstraint('baseline_tasks_baseline', ['workspace_id', 'baseline_id'], 'baselines', ['workspace_id', 'id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('time_entries_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint(
      'time_entries_task',
      ['workspace_id', 'project_id', 'task_id'],
      'tasks',
      ['workspace_id', 'project_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('time_entries_user', ['workspace_id', 'user_id'], 'workspace_users', ['workspace_id', 'user_id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('time_entries_task').on('time_entries').columns(['workspace_id', 'project_id', 'task_id', 'date']).execute();
  await db.schema
    .createIndex('time_entries_project_user')
    .on('time_entries')
    .columns(['workspace_id', 'project_id', 'user_id', 'date'])
    .execute();
  await db.schema.createIndex('time_entries_user_day').on('time_entries').columns(['workspace_id', 'user_id', 'date']).execute();
}
