import type { Kysely, Transaction } from 'kysely';

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

export type RateLimitTable = { key: string; window_start: string; count: number };

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
};

export type Dialect = 'sqlite' | 'postgres';

/** The one database handle services receive; `trx` inside a transaction. */
export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbContext = { db: Db; dialect: Dialect; close: () => Promise<void> };
