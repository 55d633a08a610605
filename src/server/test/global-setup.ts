/** Says plainly, once per run, which databases the route suite covers. */
export default function setup(): void {
  if (process.env.TEST_DATABASE_URL) {
    console.log('Route tests run on SQLite and on PostgreSQL (TEST_DATABASE_URL).');
  } else {
    console.log('PostgreSQL SKIPPED: TEST_DATABASE_URL is not set, so route tests run on SQLite only.');
  }
}
