import type { Locale } from '../../../core/common/schemas.js';
import type { ProjectRole } from '../../../core/members/schemas.js';

export type DemoPerson = { key: string; name: string; role: ProjectRole; responsibilities: string; capacity: number; costRate: number };

/** The demo sales project's words, in each language (money in minor units, CNY). */
export const DEMO: Record<Locale, { project: { name: string; description: string }; ownerResponsibilities: string; people: DemoPerson[] }> =
  {
    'zh-CN': {
      project: {
        name: '华东区 Q1 签约冲刺',
        description:
          '目标：在项目结束前于华东区签下 1,000 万元合同。范围：上海、杭州、苏州、南京的制造业与零售业客户；重点推进年度框架协议和新客户开发。',
      },
      ownerResponsibilities: '项目负责人：制定目标与配额、每周复盘管道、审批预算与费用。',
      people: [
        {
          key: 'wang',
          name: '王芳',
          role: 'sales',
          responsibilities: '上海区域大客户：制造业 Top 20 客户的续约与增购。',
          capacity: 40,
          costRate: 18000,
        },
        { key: 'li', name: '李强', role: 'sales', responsibilities: '杭州、苏州新客户开发；展会线索跟进。', capacity: 40, costRate: 15000 },
        {
          key: 'zhang',
          name: '张伟',
          role: 'presales',
          responsibilities: '方案设计、产品演示、技术答疑与 POC。',
          capacity: 32,
          costRate: 20000,
        },
        {
          key: 'chen',
          name: '陈静',
          role: 'finance',
          responsibilities: '报价审核、合同条款与回款跟踪、费用审批。',
          capacity: 16,
          costRate: 16000,
        },
        {
          key: 'zhao',
          name: '赵磊',
          role: 'support',
          responsibilities: '样品与资料寄送、客户拜访安排、CRM 数据维护。',
          capacity: 40,
          costRate: 9000,
        },
      ],
    },
    en: {
      project: {
        name: 'East China Q1 contract push',
        description:
          'Goal: ¥10M of signed contracts in East China by the end of the project. Scope: manufacturing and retail accounts in Shanghai, Hangzhou, Suzhou and Nanjing; annual framework agreements first, then new logos.',
      },
      ownerResponsibilities: 'Project lead: sets goals and quotas, reviews the pipeline weekly, approves budget and expenses.',
      people: [
        {
          key: 'wang',
          name: 'Fang Wang',
          role: 'sales',
          responsibilities: 'Key accounts in Shanghai: renewals and upsell at the top 20 manufacturers.',
          capacity: 40,
          costRate: 18000,
        },
        {
          key: 'li',
          name: 'Qiang Li',
          role: 'sales',
          responsibilities: 'New logos in Hangzhou and Suzhou; follow-up of trade-show leads.',
          capacity: 40,
          costRate: 15000,
        },
        {
          key: 'zhang',
          name: 'Wei Zhang',
          role: 'presales',
          responsibilities: 'Solution design, product demos, technical Q&A and proofs of concept.',
          capacity: 32,
          costRate: 20000,
        },
        {
          key: 'chen',
          name: 'Jing Chen',
          role: 'finance',
          responsibilities: 'Quote review, contract terms, collections and expense approval.',
          capacity: 16,
          costRate: 16000,
        },
        {
          key: 'zhao',
          name: 'Lei Zhao',
          role: 'support',
          responsibilities: 'Samples and brochures, visit logistics, CRM data upkeep.',
          capacity: 40,
          costRate: 9000,
        },
      ],
    },
  };
