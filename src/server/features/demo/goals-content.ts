import type { Locale } from '../../../core/common/schemas.js';

/** Words of the demo goals, in the user's language. Quotas by demo owner key (see content.ts). */
export type DemoGoalWords = {
  revenue: { title: string; description: string; relevance: string };
  quota: (name: string) => { title: string; description: string };
  custom: { title: string; description: string; relevance: string };
  checkIns: string[];
};

export const DEMO_GOALS: Record<Locale, DemoGoalWords> = {
  'zh-CN': {
    revenue: {
      title: '华东区签约额 ¥800 万',
      description: '本项目内赢单的合同金额（人民币，含税），以合同签订日期计入，覆盖上海、杭州、苏州的新老客户。',
      relevance: '华东区是今年增长计划的核心市场，完成即可支撑全年 30% 的收入增长。',
    },
    quota: (name) => ({ title: `${name}的配额`, description: `${name}负责客户的赢单合同金额，以合同签订日期计入。` }),
    custom: {
      title: '客户满意度 NPS 达到 60',
      description: '每两周对已签约客户做一次 NPS 回访，记录最新的净推荐值（-100 到 100）。',
      relevance: '续约和转介绍依赖客户满意度，NPS 低于 50 的客户续约率明显偏低。',
    },
    checkIns: ['首轮回访 12 家客户，主要不满在交付周期。', '交付周期缩短后回升。', '新增 5 家客户回访，整体稳定上升。'],
  },
  en: {
    revenue: {
      title: 'East China signings ¥8M',
      description:
        'Contract value of deals won in this project (CNY, tax included), counted on the signing date, for new and existing customers in Shanghai, Hangzhou and Suzhou.',
      relevance: "East China is the core market of this year's growth plan: reaching this carries 30 % revenue growth for the year.",
    },
    quota: (name) => ({
      title: `${name}'s quota`,
      description: `Contract value of deals won by ${name}, counted on the signing date.`,
    }),
    custom: {
      title: 'Customer NPS of 60',
      description: 'Every two weeks, an NPS call to signed customers; record the latest net promoter score (−100 to 100).',
      relevance: 'Renewals and referrals depend on satisfaction: customers under NPS 50 renew markedly less often.',
    },
    checkIns: [
      'First round: 12 customers called; delivery lead time is the main complaint.',
      'Up again after delivery times were shortened.',
      'Five more customers called; rising steadily.',
    ],
  },
};
