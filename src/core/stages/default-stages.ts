import type { Locale } from '../common/schemas.js';
import type { StageKind } from './schemas.js';

export type DefaultStage = { key: string; probability: number; kind: StageKind; names: Record<Locale, string> };

/** SPEC §4.1: lead → qualified → proposal → negotiation → contract → won / lost, with default probabilities. */
export const DEFAULT_STAGES: readonly DefaultStage[] = [
  { key: 'lead', probability: 0.1, kind: 'open', names: { en: 'Lead', 'zh-CN': '线索' } },
  { key: 'qualified', probability: 0.2, kind: 'open', names: { en: 'Qualified', 'zh-CN': '需求确认' } },
  { key: 'proposal', probability: 0.4, kind: 'open', names: { en: 'Proposal', 'zh-CN': '方案报价' } },
  { key: 'negotiation', probability: 0.6, kind: 'open', names: { en: 'Negotiation', 'zh-CN': '商务谈判' } },
  { key: 'contract', probability: 0.8, kind: 'open', names: { en: 'Contract', 'zh-CN': '合同签署' } },
  { key: 'won', probability: 1, kind: 'won', names: { en: 'Won', 'zh-CN': '赢单' } },
  { key: 'lost', probability: 0, kind: 'lost', names: { en: 'Lost', 'zh-CN': '输单' } },
];

/** A key for a new stage from its name: ASCII slug, else `stage`; `taken` keys get a numeric suffix. */
export function stageKeyFor(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 32);
  const base = slug || 'stage';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
