import { ACCOUNT_FIELDS, CONTACT_FIELDS } from '../../../core/imports/customer-rows';
import { IMPORT_FIELDS } from '../../../core/imports/presets';
import type { ImportKind, ImportResult, SavedMapping } from '../../../core/imports/schemas';
import { ApiError, api, readCookie, request } from '../../app/api';

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
export const isEmptyMapping = (mapping: Mapping): boolean =>
  Object.keys(mapping.fields).length === 0 && Object.keys(mapping.stages).length === 0;

export const isSpreadsheet = (file: File): boolean => /\.(csv|txt|tsv|xlsx)$/i.test(file.name);

/** Sends the file as the request body (never read into a string here) to the kind's import route. */
export async function uploadImport(args: {
  kind: ImportKind;
  projectId?: string;
  preset: PresetChoice;
  file: File;
  mapping: Mapping;
  dryRun: boolean;
  signal?: AbortSignal;
}): Promise<ImportResult> {
  const { kind, projectId, preset, file, mapping, dryRun, signal } = args;
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
    response = await fetch(`/api/v1${path}?${params}`, { method: 'POST', headers, body: file, credentials: 'same-origin', signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
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

/** The mapping the workspace last imported with for this kind and preset (kept on the server, shared by the team). */
export async function rememberedMapping(kind: ImportKind, preset: string): Promise<Mapping> {
  try {
    const saved = await api.get<SavedMapping>('/import-mappings', { kind, preset: kind === 'deals' ? preset : 'generic' });
    const { stages, ...fields } = saved.mapping as Record<string, unknown>;
    const text = (value: unknown) =>
      Object.fromEntries(
        Object.entries((value ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
    return { fields: text(fields), stages: text(stages) };
  } catch {
    return EMPTY_MAPPING;
  }
}

/** Remembers the mapping of a finished import for the next one of this kind and preset. */
export async function rememberMapping(kind: ImportKind, preset: string, mapping: Mapping): Promise<void> {
  const body = kind === 'deals' ? { ...mapping.fields, stages: mapping.stages } : mapping.fields;
  await request<SavedMapping>('PUT', '/import-mappings', { body: { kind, preset, mapping: body } }).catch(() => undefined);
}
