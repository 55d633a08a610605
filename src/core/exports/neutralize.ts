/**
 * Spreadsheet formula injection (CSV/XLSX injection, OWASP): a text cell that begins with `=`, `+`, `-`,
 * `@`, a tab or a carriage return may run as a formula when the file is opened. Such a cell gets a leading
 * apostrophe, which spreadsheets show as text; every other value passes unchanged.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Strings neutralized; numbers, booleans, dates and empty cells as they are. */
export function neutralizeValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutralizeCell(value) : value;
}

/** Undoes `neutralizeCell` on a value read back from an exported file (a round trip keeps the text as typed). */
export function unneutralizeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
