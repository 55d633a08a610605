import {
  type Cell,
  cellText,
  isBlank,
  isTruthy,
  minorDigits,
  type Parsed,
  parseAmount,
  parseDate,
  parseProbability,
} from './parse-values.js';
import { foldStage, type ImportField, type Preset } from './presets.js';

export type StageRef = { key: string; name: string; kind: 'open' | 'won' | 'lost' };

export type RowContext = {
  preset: Preset;
  columns: Partial<Record<ImportField, number>>;
  /** The workspace's stages in board order. */
  stages: readonly StageRef[];
  /** The caller's own stage mapping (source stage name → stage key), folded keys. */
  stageMap: Readonly<Record<string, string>>;
  defaultCurrency: string;
  /** Close date of a closed deal whose file gives none. */
  today: string;
};

/** A row that passed: what a deal is created from (names still to be resolved to ids). */
export type DealDraft = {
  title: string;
  account: string | null;
  contact: string | null;
  amount: number;
  currency: string;
  stage: string;
  status: 'open' | 'won' | 'lost';
  probability: number | null;
  expectedCloseDate: string | null;
  closeDate: string | null;
  owner: string | null;
  source: string;
  lostReason: string;
};

export const NO_LOST_REASON = '(none given)';

const STATUS: Record<string, 'open' | 'won' | 'lost'> = {
  open: 'open',
  won: 'won',
  lost: 'lost',
  进行中: 'open',
  跟进中: 'open',
  赢单: 'won',
  成交: 'won',
  已成交: 'won',
  输单: 'lost',
  丢单: 'lost',
};

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A file's stage value → a workspace stage: the caller's stage mapping, the preset's names, else a stage's own key or name. */
export function resolveStage(text: string, ctx: Pick<RowContext, 'stageMap' | 'preset' | 'stages'>): StageRef | undefined {
  const folded = foldStage(text);
  const key = ctx.stageMap[folded] ?? ctx.preset.stages[folded];
  return ctx.stages.find((s) => s.key === key || s.key === folded || foldStage(s.name) === folded);
}

/** One data row → a deal draft, or the reason it is rejected (missing title, bad amount/date/probability, unknown stage …). */
export function mapDealRow(cells: readonly Cell[], ctx: RowContext): Parsed<DealDraft> {
  const cell = (field: ImportField): Cell => {
    const at = ctx.columns[field];
    return at === undefined ? null : (cells[at] ?? null);
  };
  const text = (field: ImportField, max: number) => cellText(cell(field)).slice(0, max);

  const title = cellText(cell('title'));
  if (title === '') return fail('missing title');
  if (title.length > 300) return fail('title longer than 300 characters');

  let currency: string | null = null;
  if (!isBlank(cell('currency'))) {
    currency = cellText(cell('currency')).toUpperCase();
    if (minorDigits(currency) === null) return fail(`unknown currency ${quote(cellText(cell('currency')))}`);
  }
  const amount = parseAmount(cell('amount'), currency ?? ctx.defaultCurrency);
  if (!amount.ok) return fail(`${amount.reason} ${quote(cellText(cell('amount')))}`);
  currency ??= amount.value.currency ?? ctx.defaultCurrency;

  const probability = parseProbability(cell('probability'));
  if (!probability.ok) return fail(`${probability.reason} ${quote(cellText(cell('probability')))}`);

  // Status: an explicit status column, Salesforce's Won/Closed flags, else the stage's kind.
  let status: 'open' | 'won' | 'lost' | null = null;
  if (!isBlank(cell('status'))) {
    status = STATUS[foldStage(cellText(cell('status')))] ?? null;
    if (status === null) return fail(`unknown status ${quote(cellText(cell('status')))}`);
  } else if (ctx.columns.isClosed !== undefined && !isBlank(cell('isClosed'))) {
    status = isTruthy(cell('isClosed')) ? (isTruthy(cell('isWon')) ? 'won' : 'lost') : 'open';
  }
  let stage: StageRef | undefined;
  const stageText = cellText(cell('stage'));
  if (stageText !== '') {
    stage = resolveStage(stageText, ctx);
    if (!stage) return fail(`unknown stage ${quote(stageText)}`);
  }
  if (status === 'won' || status === 'lost') stage = ctx.stages.find((s) => s.kind === status);
  else if (status === 'open' && stage && stage.kind !== 'open') return fail(`status open but stage ${quote(stageText)} is closed`);
  stage ??= ctx.stages.find((s) => s.kind === 'open');
  if (!stage) return fail('no stage to put the deal in');
  const finalStatus = stage.kind;

  const dates: Partial<Record<ImportField, string | null>> = {};
  for (const field of ['expectedCloseDate', 'closeDate', 'wonTime', 'lostTime'] as const) {
    const parsed = parseDate(cell(field), ctx.preset.dateOrder);
    if (!parsed.ok) return fail(`bad date ${quote(cellText(cell(field)))}`);
    dates[field] = parsed.value;
  }
  let expectedCloseDate = dates.expectedCloseDate ?? null;
  let closeDate: string | null = null;
  if (ctx.preset.closeDateIsExpectedWhenOpen) {
    expectedCloseDate ??= dates.closeDate ?? null;
    if (finalStatus !== 'open') closeDate = dates.closeDate ?? ctx.today;
  } else if (finalStatus !== 'open') {
    closeDate = (finalStatus === 'won' ? dates.wonTime : dates.lostTime) ?? dates.closeDate ?? expectedCloseDate ?? ctx.today;
  }

  return {
    ok: true,
    value: {
      title,
      account: text('account', 200) || null,
      contact: text('contact', 200) || null,
      amount: amount.value.minor,
      currency,
      stage: stage.key,
      status: finalStatus,
      probability: probability.value,
      expectedCloseDate,
      closeDate,
      owner: text('owner', 254) || null,
      source: text('source', 200),
      lostReason: finalStatus === 'lost' ? text('lostReason', 1000) || NO_LOST_REASON : '',
    },
  };
}
