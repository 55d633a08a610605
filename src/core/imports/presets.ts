import type { DateOrder } from './parse-values.js';

/** What an import column can fill. */
export const IMPORT_FIELDS = [
  'title',
  'account',
  'contact',
  'amount',
  'currency',
  'stage',
  'status',
  'isWon',
  'isClosed',
  'probability',
  'expectedCloseDate',
  'closeDate',
  'wonTime',
  'lostTime',
  'owner',
  'source',
  'lostReason',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export type PresetName = 'salesforce' | 'hubspot' | 'pipedrive' | 'generic';

export type Preset = {
  /** Header names per field, as the exporter writes them (matched case- and space-insensitively). */
  headers: Partial<Record<ImportField, string[]>>;
  /** The exporter's stage names (lower-cased) → our default stage keys. */
  stages: Record<string, string>;
  dateOrder: DateOrder;
  /** `closeDate` is the actual close date only for closed deals (Salesforce, HubSpot): for open ones it is the expected date. */
  closeDateIsExpectedWhenOpen: boolean;
};

const OURS: Preset['stages'] = {
  lead: 'lead',
  qualified: 'qualified',
  proposal: 'proposal',
  negotiation: 'negotiation',
  contract: 'contract',
  won: 'won',
  lost: 'lost',
  线索: 'lead',
  需求确认: 'qualified',
  方案报价: 'proposal',
  商务谈判: 'negotiation',
  合同签署: 'contract',
  赢单: 'won',
  输单: 'lost',
};

/**
 * Salesforce: opportunity reports exported as "Details Only" CSV/XLSX (report column labels, dates in
 * the user's locale — M/D/YYYY for en_US, amounts like `USD 12,500.00` in multi-currency orgs) and
 * Data Loader exports (API names, ISO dates). Standard sales-process stage names.
 */
const salesforce: Preset = {
  headers: {
    title: ['Opportunity Name', 'Name'],
    account: ['Account Name', 'Account.Name', 'Account'],
    contact: ['Contact Name', 'Primary Contact'],
    amount: ['Amount', 'Amount (converted)'],
    currency: ['Amount Currency', 'Opportunity Currency', 'CurrencyIsoCode', 'Currency'],
    stage: ['Stage', 'StageName'],
    isWon: ['Won', 'IsWon'],
    isClosed: ['Closed', 'IsClosed'],
    probability: ['Probability (%)', 'Probability'],
    closeDate: ['Close Date', 'CloseDate'],
    owner: ['Opportunity Owner', 'Owner Name', 'Owner.Name', 'Owner'],
    source: ['Lead Source', 'LeadSource'],
    lostReason: ['Loss Reason', 'Reason Lost', 'Closed Lost Reason'],
  },
  stages: {
    prospecting: 'lead',
    qualification: 'qualified',
    'needs analysis': 'qualified',
    'value proposition': 'proposal',
    'id. decision makers': 'proposal',
    'perception analysis': 'proposal',
    'proposal/price quote': 'proposal',
    'negotiation/review': 'negotiation',
    'closed won': 'won',
    'closed lost': 'lost',
  },
  dateOrder: 'MDY',
  closeDateIsExpectedWhenOpen: true,
};

/** HubSpot: deals export (property labels as headers; dates `YYYY-MM-DD HH:mm`; default sales pipeline). */
const hubspot: Preset = {
  headers: {
    title: ['Deal Name'],
    account: ['Associated Company', 'Associated Company (Primary)', 'Company Name', 'Company'],
    contact: ['Associated Contact', 'Contact'],
    amount: ['Amount', 'Amount in company currency'],
    currency: ['Currency', 'Deal Currency Code'],
    stage: ['Deal Stage'],
    probability: ['Deal probability', 'Deal Stage Probability'],
    closeDate: ['Close Date'],
    owner: ['Deal owner', 'Deal Owner', 'HubSpot Owner'],
    source: ['Original Source Type', 'Original Traffic Source', 'Deal Type'],
    lostReason: ['Closed Lost Reason'],
  },
  stages: {
    'appointment scheduled': 'lead',
    appointmentscheduled: 'lead',
    'qualified to buy': 'qualified',
    qualifiedtobuy: 'qualified',
    'presentation scheduled': 'proposal',
    presentationscheduled: 'proposal',
    'decision maker bought-in': 'negotiation',
    decisionmakerboughtin: 'negotiation',
    'contract sent': 'contract',
    contractsent: 'contract',
    'closed won': 'won',
    closedwon: 'won',
    'closed lost': 'lost',
    closedlost: 'lost',
  },
  dateOrder: 'MDY',
  closeDateIsExpectedWhenOpen: true,
};

/** Pipedrive: deals export ("Deal - …" headers, ISO dates, status Open/Won/Lost, default pipeline stages). */
const pipedrive: Preset = {
  headers: {
    title: ['Deal - Title', 'Title'],
    account: ['Deal - Organization', 'Organization', 'Deal - Organization name'],
    contact: ['Deal - Contact person', 'Contact person'],
    amount: ['Deal - Value', 'Value'],
    currency: ['Deal - Currency', 'Currency', 'Deal - Currency of Value'],
    stage: ['Deal - Stage', 'Stage'],
    status: ['Deal - Status', 'Status'],
    probability: ['Deal - Probability', 'Probability'],
    expectedCloseDate: ['Deal - Expected close date', 'Expected close date'],
    wonTime: ['Deal - Won time', 'Won time'],
    lostTime: ['Deal - Lost time', 'Lost time'],
    owner: ['Deal - Owner', 'Owner', 'Deal - Owner name'],
    source: ['Deal - Source', 'Deal - Source origin', 'Source'],
    lostReason: ['Deal - Lost reason', 'Lost reason'],
  },
  stages: {
    'lead in': 'lead',
    'contact made': 'qualified',
    qualified: 'qualified',
    'demo scheduled': 'proposal',
    'needs defined': 'qualified',
    'proposal made': 'proposal',
    'negotiations started': 'negotiation',
  },
  dateOrder: 'MDY',
  closeDateIsExpectedWhenOpen: false,
};

/** Quarterdeck's own export (round trip) and hand-made sheets in English or Chinese. */
const generic: Preset = {
  headers: {
    title: ['Title', 'Deal', 'Deal name', 'Name', '标题', '商机名称', '商机', '项目名称'],
    account: ['Account', 'Company', 'Customer', '客户', '客户名称', '公司'],
    contact: ['Contact', '联系人'],
    amount: ['Amount', 'Value', '金额', '商机金额'],
    currency: ['Currency', '币种', '货币'],
    stage: ['Stage', '阶段', '销售阶段'],
    status: ['Status', '状态'],
    probability: ['Probability', '概率', '赢率'],
    expectedCloseDate: ['Expected close date', 'Expected close', '预计成交日期', '预计签约日期'],
    closeDate: ['Close date', 'Closed on', '成交日期', '签约日期'],
    owner: ['Owner', 'Owner e-mail', '负责人', '销售'],
    source: ['Source', '来源'],
    lostReason: ['Lost reason', '输单原因'],
  },
  stages: {},
  dateOrder: 'MDY',
  closeDateIsExpectedWhenOpen: false,
};

export const PRESETS: Record<PresetName, Preset> = {
  salesforce: { ...salesforce, stages: { ...OURS, ...salesforce.stages } },
  hubspot: { ...hubspot, stages: { ...OURS, ...hubspot.stages } },
  pipedrive: { ...pipedrive, stages: { ...OURS, ...pipedrive.stages } },
  generic: { ...generic, stages: OURS },
};

const fold = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Which column fills which field: the mapping's explicit header names first (an unknown header is an
 * error), then `names`' header names per field. Answers field → column index and the headers no field took.
 */
export function resolveFields<F extends string>(
  headers: readonly string[],
  fields: readonly F[],
  names: Partial<Record<F, readonly string[]>>,
  mapping: Partial<Record<F, string>> = {},
): { columns: Partial<Record<F, number>>; unknownHeaders: string[]; missing: string[] } {
  const index = new Map<string, number>();
  headers.forEach((header, i) => {
    if (!index.has(fold(header))) index.set(fold(header), i);
  });
  const columns: Partial<Record<F, number>> = {};
  const missing: string[] = [];
  for (const field of fields) {
    const wanted = mapping[field];
    if (wanted !== undefined) {
      if (wanted === '') continue;
      const at = index.get(fold(wanted));
      if (at === undefined) missing.push(wanted);
      else columns[field] = at;
      continue;
    }
    for (const name of names[field] ?? []) {
      const at = index.get(fold(name));
      if (at !== undefined) {
        columns[field] = at;
        break;
      }
    }
  }
  const used = new Set(Object.values(columns));
  return { columns, unknownHeaders: headers.filter((_, i) => !used.has(i)), missing };
}

/** The deal columns of a file by a preset and the caller's mapping (an empty header name leaves a field unmapped). */
export const resolveColumns = (headers: readonly string[], preset: Preset, mapping: Partial<Record<ImportField, string>> = {}) =>
  resolveFields(headers, IMPORT_FIELDS, preset.headers, mapping);

/**
 * The preset whose header names a file's headers match best (it must find a title column); generic on a
 * tie.
 */
export function detectPreset(headers: readonly string[]): PresetName {
  let best: PresetName = 'generic';
  let bestScore = -1;
  for (const name of ['generic', 'salesforce', 'hubspot', 'pipedrive'] as const) {
    const { columns } = resolveColumns(headers, PRESETS[name]);
    const score = columns.title === undefined ? 0 : Object.keys(columns).length;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

export const foldStage = fold;
