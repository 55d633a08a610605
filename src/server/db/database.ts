import type { ColumnType, Kysely, Transaction } from 'kysely';

/** Instants are ISO 8601 UTC text; calendar dates `YYYY-MM-DD` text; money integer minor units. */
export type WorkspaceTable = { id: string; name: string; created_at: string };

export type UserTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  time_zone: string;
  created_at: string;
  version: number;
};

export type WorkspaceUserTable = { workspace_id: string; user_id: string; role: string; created_at: string };

export type SessionTable = {
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
};

export type ApiTokenTable = {
  workspace_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

export type InvitationTable = {
  workspace_id: string;
  id: string;
  token_hash: string;
  email: string | null;
  role: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
};

export type CalendarTable = {
  workspace_id: string;
  id: string;
  name: string;
  kind: string;
  working_weekdays: string;
  holidays: string;
  workdays: string;
  /** JSON object: date → name of a holiday or make-up workday (the database defaults it to '{}'). */
  day_names: ColumnType<string, string | undefined, string>;
  created_at: string;
  version: number;
};

export type ProjectTable = {
  workspace_id: string;
  id: string;
  name: string;
  description: string;
  status: string;
  methodology: string;
  start_date: string;
  end_date: string;
  currency: string;
  calendar_id: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ProjectMemberTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  user_id: string;
  role: string;
  responsibilities: string;
  capacity_hours_per_week: number;
  cost_rate: number;
  created_at: string;
  version: number;
};

export type AuditLogTable = {
  workspace_id: string;
  id: string;
  at: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  project_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
};

export type AccountTable = {
  workspace_id: string;
  id: string;
  name: string;
  name_key: string;
  industry: string;
  region: string;
  size: string;
  owner_id: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ContactTable = {
  workspace_id: string;
  id: string;
  account_id: string | null;
  name: string;
  title: string;
  phone: string;
  email: string;
  email_key: string;
  wechat: string;
  notes: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type StageTable = {
  workspace_id: string;
  id: string;
  key: string;
  name: string;
  probability: number;
  position: number;
  kind: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type DealTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  title: string;
  account_id: string | null;
  contact_id: string | null;
  amount: number;
  currency: string;
  stage: string;
  probability: number | null;
  expected_close_date: string | null;
  close_date: string | null;
  status: string;
  owner_id: string | null;
  source: string;
  lost_reason: string;
  rank: string;
  stage_entered_at: string;
  contract_number: string | null;
  contract_value: number | null;
  contract_signed_date: string | null;
  contract_term_months: number | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type DealStageHistoryTable = {
  workspace_id: string;
  id: string;
  deal_id: string;
  project_id: string;
  stage: string;
  entered_at: string;
  left_at: string | null;
  entered_by: string | null;
  left_by: string | null;
};

export type ActivityTable = {
  workspace_id: string;
  id: string;
  deal_id: string;
  project_id: string;
  type: string;
  at: string;
  user_id: string | null;
  contact_id: string | null;
  outcome: string;
  next_step: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type TaskTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  parent_id: string | null;
  sort_order: number;
  title: string;
  description: string;
  duration: number;
  start_no_earlier_than: string | null;
  estimate_hours: number | null;
  planned_cost: number;
  percent_complete: number;
  status: string;
  priority: string;
  phase: string;
  sprint_id: string | null;
  story_points: number | null;
  /** JSON array of checklist items `{ id, text, done }`. */
  checklist: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type TaskAssigneeTable = { workspace_id: string; project_id: string; task_id: string; user_id: string };

/** Goes up with every change of a project's plan (tasks, dependencies, time entries, baselines). */
export type PlanRevisionTable = { workspace_id: string; project_id: string; revision: number };

export type DependencyTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  predecessor_id: string;
  successor_id: string;
  type: string;
  lag: number;
  created_at: string;
  updated_at: string;
  version: number;
};

export type BaselineTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  name: string;
  project_start: string;
  project_finish: string;
  created_by: string | null;
  created_at: string;
};

export type BaselineTaskTable = {
  workspace_id: string;
  baseline_id: string;
  task_id: string;
  parent_id: string | null;
  position: number;
  title: string;
  is_summary: number;
  es: number;
  ef: number;
  start_date: string;
  finish_date: string;
  duration: number;
  planned_cost: number;
};

export type TimeEntryTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  task_id: string;
  user_id: string;
  date: string;
  hours: number;
  note: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type GoalTable = {
  workspace_id: string;
  id: string;
  project_id: string;
  parent_id: string | null;
  title: string;
  description: string;
  metric: string;
  target: number;
  currency: string | null;
  start_date: string;
  due_date: string;
  owner_id: string | null;
  region: string | null;
  relevance: string;
  weight: number;
  created_at: string;
  updated_at: string;
  version: number;
};

export type GoalCheckInTable = {
  workspace_id: string;
  id: string;
  goal_id: string;
  project_id: string;
  value: number;
  date: string;
  comment: string;
  author_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ExchangeRateTableTable = { workspace_id: string; base_currency: string; updated_at: string; version: number };
export type ExchangeRateTable = { workspace_id: string; id: string; currency: string; rate: number; effective_date: string };

export type RateLimitTable = { key: string; window_start: string; count: number };

/** The mapping a workspace last imported with, per kind (deals, accounts, contacts) and preset; `mapping` is JSON. */
export type ImportMappingTable = {
  workspace_id: string;
  kind: string;
  preset: string;
  mapping: string;
  updated_at: string;
  updated_by: string | null;
};

export type Database = {
  workspaces: WorkspaceTable;
  users: UserTable;
  workspace_users: WorkspaceUserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  invitations: InvitationTable;
  calendars: CalendarTable;
  projects: ProjectTable;
  project_members: ProjectMemberTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitTable;
  import_mappings: ImportMappingTable;
  tasks: TaskTable;
  task_assignees: TaskAssigneeTable;
  dependencies: DependencyTable;
  baselines: BaselineTable;
  baseline_tasks: BaselineTaskTable;
  time_entries: TimeEntryTable;
  plan_revisions: PlanRevisionTable;
  accounts: AccountTable;
  contacts: ContactTable;
  stages: StageTable;
  deals: DealTable;
  deal_stage_history: DealStageHistoryTable;
  activities: ActivityTable;
  goals: GoalTable;
  goal_check_ins: GoalCheckInTable;
  exchange_rate_tables: ExchangeRateTableTable;
  exchange_rates: ExchangeRateTable;
};

export type Dialect = 'sqlite' | 'postgres';

/** The one database handle services receive; `trx` inside a transaction. */
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbContext = {
  db: Db;
  dialect: Dialect;
  /**
   * `select 1` straight on the driver (no query builder): is the database answering? SQLite answers at once
   * (embedded, synchronous), PostgreSQL after a round trip.
   */
  ping: () => boolean | Promise<boolean>;
  /**
   * Names the state of the database's data: the same text means nothing was written in between, so an
   * answer computed after reading it may be reused (see AnswerCache). SQLite: this server's write count and
   * the file's `data_version` (writes by other processes); PostgreSQL: this server's write count and the
   * change notices of other servers' writes (`pg-changes.ts`). Read in-process on both, without a round trip.
   */
  dataKey: () => string;
  /**
   * Where heavy lists and searches read: on SQLite with reader threads (`SqliteReaders`), a query builder
   * over them (reads only, the last committed state); otherwise the same as `db`.
   */
  reads?: Db;
  close: () => Promise<void>;
};
