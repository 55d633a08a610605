import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

export const SignupMode = z.enum(['first-user', 'open', 'invite']);
export type SignupMode = z.infer<typeof SignupMode>;

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  SIGNUP_MODE: SignupMode.default('first-user'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SQLITE_READERS: z.coerce.number().int().min(0).max(16).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  signupMode: SignupMode;
  logLevel: string;
  publicUrl: string | null;
  trustProxy: boolean;
  /** SQLite: worker threads that answer lists and searches beside the main thread (`SqliteReaders`); 0 reads on the main connection only. */
  sqliteReaders: number;
};

/** Reads the SPEC §2 variables; an invalid value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || path.join(e.DATA_DIR, 'quarterdeck.sqlite'),
    signupMode: e.SIGNUP_MODE,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, '') ?? null,
    trustProxy: e.TRUST_PROXY === 'true',
    sqliteReaders: e.SQLITE_READERS ?? Math.min(4, os.availableParallelism()),
  };
}
