import { ACCOUNT_FIELDS, CONTACT_FIELDS } from '../../../core/imports/customer-rows';
import { IMPORT_FIELDS } from '../../../core/imports/presets';
import type { ImportKind, ImportResult } from '../../../core/imports/schemas';
import { ApiError, readCookie } from '../../app/api';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type PresetChoice = 'auto' | 'generic' | 'salesforce' | 'hubspot' | 'pipedrive';
export const PRESET_CHOICES: readonly PresetChoice[] = ['auto', 'generic', 'salesforce', 'hubspot', 'pipedrive'];

/** The fields a kind of import fills, the required one first. */
export const FIELDS_OF: Record<ImportKind, readonly string[]> = {
  deals: IMPORT_FIELDS,
  accounts: ACCOUNT_FIELDS,
  contacts: CONTACT_FIELDS,
};
export const REQUIRED_OF: Record<ImportKind, string> = { deals: 'title', accounts: 'name', contacts: 'name' };

export type Mapping = { fields: Record<string, string>; stages: Record<string, string> };
export const EMPTY_MAPPING: Mapping = { fields: {}, stages: {} };

export const isSpreadsheet = (file: File): boolean => /\.(csv|txt|tsv|xlsx)$/i.test(file.name);

/** Sends the file as the request body (never read into a string here) to the kind's import route. */
export async function uploadImport(args: {
  kind: ImportKind;
  projectId?: string;
  preset: PresetChoice;
  file: File;
  mapping: Mapping;
  dryRun: boolean;
}): Promise<ImportResult> {
  const { kind, projectId, preset, file, mapping, dryRun } = args;
  const path = kind === 'deals' ? `/projects/${encodeURIComponent(projectId ?? '')}/deals/import` : `/${kind}/import`;
  const params = new URLSearchParams({ dryRun: String(dryRun) });
  if (kind === 'deals') params.set('preset', preset);
  const body = kind === 'deals' && Object.keys(mapping.stages).length ? { ...mapping.fields, stages: mapping.stages } : mapping.fields;
  if (Object.keys(body).length) params.set('mapping', JSON.stringify(body));
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv',
  };
  const csrf = readCookie('qd_csrf');
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}?${params}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached.', null, path);
  }
  const payload = (await response.json().catch(() => null)) as
    | (ImportResult & { error?: { code: string; message: string; details?: unknown } })
    | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      payload?.error?.code ?? 'HTTP_ERROR',
      payload?.error?.message ?? response.statusText,
      payload?.error?.details,
      path,
    );
  }
  return payload as ImportResult;
}

const storageKey = (workspaceId: string, kind: ImportKind, preset: string) => `qd_import_mapping:${workspaceId}:${kind}:${preset}`;

/** The mapping last imported with, per workspace, kind and preset (on this device). */
export function rememberedMapping(workspaceId: string, kind: ImportKind, preset: string): Mapping {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(workspaceId, kind, preset)) ?? 'null') as Mapping | null;
    if (value && typeof value.fields === 'object' && typeof value.stages === 'object') return value;
  } catch {
    // none remembered
  }
  return EMPTY_MAPPING;
}

export function rememberMapping(workspaceId: string, kind: ImportKind, preset: string, mapping: Mapping): void {
  try {
    localStorage.setItem(storageKey(workspaceId, kind, preset), JSON.stringify(mapping));
  } catch {
    // storage disabled
  }
}
