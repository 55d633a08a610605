import type { ActivityType } from '../../../core/activities/schemas.js';
import type { Locale } from '../../../core/common/schemas.js';

/** Who owns a demo record: the signed-up owner or a demo colleague by key (see content.ts). */
export type DemoOwner = 'owner' | 'wang' | 'li' | 'zhang';

export type DemoAccount = { name: string; industry: string; region: string; size: string; owner: DemoOwner; notes: string };
export type DemoContact = { account: number; name: string; title: string; phone: string; email: string; wechat: string };
export type DemoDeal = {
  title: string;
  account: number;
  contact: number | null;
  /** Yuan (major units); stored ×100 as fen. */
  yuan: number;
  stage: 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'contract' | 'won' | 'lost';
  owner: DemoOwner;
  /** Days from today to the expected close date. */
  closeInDays: number;
  /** Days since the deal was created (its stage history is spread over them). */
  ageDays: number;
  source: string;
  probability?: number;
  lostReason?: string;
  contract?: { number: string; termMonths: number };
};
export type DemoActivity = {
  deal: number;
  type: ActivityType;
  daysAgo: number;
  by: DemoOwner;
  contact: number | null;
  outcome: string;
  nextStep: string;
};

type SalesWords = { accounts: DemoAccount[]; contacts: DemoContact[]; deals: DemoDeal[]; activities: DemoActivity[] };

const SHAPE = {
  // account, contact, yuan, stage, owner, closeInDays, ageDays, probability?
  deals: [
    [0, 0, 1_800_000, 'negotiation', 'wang', 25, 60],
    [1, 2, 950_000, 'proposal', 'li', 40, 35],
    [2, 3, 2_600_000, 'contract', 'owner', 10, 80, 0.9],
    [3, 4, 420_000, 'qualified', 'li', 55, 14],
    [4, 5, 300_000, 'lead', 'wang', 75, 4],
    [5, 6, 1_200_000, 'proposal', 'wang', 35, 28],
    [6, 7, 680_000, 'lead', 'li', 90, 2],
    [0, 1, 1_500_000, 'won', 'wang', -12, 95],
    [7, 8, 560_000, 'won', 'li', -30, 70],
    [1, null, 780_000, 'lost', 'li', -20, 50],
    [3, 4, 260_000, 'qualified', 'owner', 60, 9],
    [2, 3, 3_200_000, 'negotiation', 'owner', 30, 45],
  ],
} as const;

const zh: SalesWords = {
  accounts: [
    {
      name: '上海精工机械股份有限公司',
      industry: '制造业',
      region: '上海',
      size: '1000-5000',
      owner: 'wang',
      notes: '年度框架协议客户，关注设备联网与预测性维护。',
    },
    {
      name: '杭州云帆零售集团',
      industry: '零售',
      region: '杭州',
      size: '5000+',
      owner: 'li',
      notes: '连锁门店 320 家，计划统一门店巡检系统。',
    },
    {
      name: '苏州新锐电子科技有限公司',
      industry: '电子制造',
      region: '苏州',
      size: '500-1000',
      owner: 'owner',
      notes: '新工厂明年投产，预算已批。',
    },
    { name: '南京华东医药物流有限公司', industry: '医药物流', region: '南京', size: '200-500', owner: 'li', notes: '冷链合规是首要需求。' },
    { name: '宁波远洋包装材料厂', industry: '包装', region: '宁波', size: '50-200', owner: 'wang', notes: '展会线索，尚在了解阶段。' },
    {
      name: '无锡恒通汽车零部件有限公司',
      industry: '汽车零部件',
      region: '无锡',
      size: '1000-5000',
      owner: 'wang',
      notes: '二级供应商，对交付周期敏感。',
    },
    { name: '合肥启明食品有限公司', industry: '食品', region: '合肥', size: '200-500', owner: 'li', notes: '官网咨询线索。' },
    { name: '常州绿源新能源科技有限公司', industry: '新能源', region: '常州', size: '500-1000', owner: 'li', notes: '老客户转介绍。' },
  ],
  contacts: [
    { account: 0, name: '周建国', title: '设备部总监', phone: '+86 138 0021 5566', email: 'zhou.jianguo@example.cn', wechat: 'zhoujg_sh' },
    { account: 0, name: '孙丽', title: '采购经理', phone: '+86 139 1702 3344', email: 'sun.li@example.cn', wechat: 'sunli_cg' },
    { account: 1, name: '吴海涛', title: '信息中心主任', phone: '+86 137 5810 2233', email: 'wu.haitao@example.cn', wechat: 'wuht_hz' },
    { account: 2, name: '郑晓明', title: '副总经理', phone: '+86 136 1234 8899', email: 'zheng.xm@example.cn', wechat: 'zhengxm' },
    { account: 3, name: '冯静', title: '质量与合规经理', phone: '+86 135 2255 6677', email: 'feng.jing@example.cn', wechat: 'fengjing_nj' },
    { account: 4, name: '何斌', title: '厂长', phone: '+86 133 5741 0088', email: 'he.bin@example.cn', wechat: 'hebin_nb' },
    { account: 5, name: '马志远', title: '生产运营总监', phone: '+86 131 5102 7788', email: 'ma.zhiyuan@example.cn', wechat: 'mazy_wx' },
    { account: 6, name: '林雪', title: '行政主管', phone: '+86 150 5512 3456', email: 'lin.xue@example.cn', wechat: 'linxue_hf' },
    { account: 7, name: '黄涛', title: '总经理', phone: '+86 158 6120 9900', email: 'huang.tao@example.cn', wechat: 'huangtao_cz' },
  ],
  deals: [],
  activities: [
    {
      deal: 0,
      type: 'meeting',
      daysAgo: 6,
      by: 'wang',
      contact: 0,
      outcome: '客户确认三期扩容需求，价格仍有 8% 差距。',
      nextStep: '周五前提交调整后报价',
    },
    {
      deal: 0,
      type: 'call',
      daysAgo: 2,
      by: 'wang',
      contact: 1,
      outcome: '采购希望付款方式改为 3-6-1。',
      nextStep: '与财务陈静确认付款条款',
    },
    {
      deal: 1,
      type: 'visit',
      daysAgo: 10,
      by: 'li',
      contact: 2,
      outcome: '参观两家样板门店，客户认可巡检流程。',
      nextStep: '张伟准备 POC 方案',
    },
    { deal: 1, type: 'email', daysAgo: 3, by: 'zhang', contact: 2, outcome: '发送方案书与报价单。', nextStep: '下周二电话跟进' },
    {
      deal: 2,
      type: 'meeting',
      daysAgo: 4,
      by: 'owner',
      contact: 3,
      outcome: '合同条款基本确认，法务审核中。',
      nextStep: '跟进法务意见，争取月底签约',
    },
    { deal: 3, type: 'call', daysAgo: 5, by: 'li', contact: 4, outcome: '需求确认：冷链温度追溯与 GSP 报表。', nextStep: '安排产品演示' },
    {
      deal: 4,
      type: 'note',
      daysAgo: 3,
      by: 'wang',
      contact: 5,
      outcome: '展会上交换名片，对包装线数据采集感兴趣。',
      nextStep: '寄送产品手册与样品',
    },
    { deal: 5, type: 'visit', daysAgo: 8, by: 'wang', contact: 6, outcome: '现场调研 3 条产线。', nextStep: '提交技术方案' },
    { deal: 7, type: 'meeting', daysAgo: 14, by: 'wang', contact: 0, outcome: '签约仪式，合同已盖章。', nextStep: '启动交付与回款计划' },
    { deal: 9, type: 'call', daysAgo: 22, by: 'li', contact: 2, outcome: '客户选择了价格更低的竞品。', nextStep: '半年后回访' },
    {
      deal: 11,
      type: 'meeting',
      daysAgo: 1,
      by: 'owner',
      contact: 3,
      outcome: '二期项目进入商务谈判，关注实施周期。',
      nextStep: '准备分阶段实施计划',
    },
  ],
};

const en: SalesWords = {
  accounts: [
    {
      name: 'Shanghai Precision Machinery Co.',
      industry: 'Manufacturing',
      region: 'Shanghai',
      size: '1000-5000',
      owner: 'wang',
      notes: 'Framework-agreement customer; wants connected equipment and predictive maintenance.',
    },
    {
      name: 'Hangzhou Cloudsail Retail Group',
      industry: 'Retail',
      region: 'Hangzhou',
      size: '5000+',
      owner: 'li',
      notes: '320 stores; planning one store-inspection system for all.',
    },
    {
      name: 'Suzhou Newedge Electronics',
      industry: 'Electronics',
      region: 'Suzhou',
      size: '500-1000',
      owner: 'owner',
      notes: 'New plant opens next year; budget approved.',
    },
    {
      name: 'Nanjing East China Pharma Logistics',
      industry: 'Pharma logistics',
      region: 'Nanjing',
      size: '200-500',
      owner: 'li',
      notes: 'Cold-chain compliance comes first.',
    },
    {
      name: 'Ningbo Ocean Packaging Works',
      industry: 'Packaging',
      region: 'Ningbo',
      size: '50-200',
      owner: 'wang',
      notes: 'Trade-show lead, still exploring.',
    },
    {
      name: 'Wuxi Hengtong Auto Parts',
      industry: 'Automotive parts',
      region: 'Wuxi',
      size: '1000-5000',
      owner: 'wang',
      notes: 'Tier-2 supplier; sensitive to lead times.',
    },
    { name: 'Hefei Dawn Foods', industry: 'Food', region: 'Hefei', size: '200-500', owner: 'li', notes: 'Inbound lead from the website.' },
    {
      name: 'Changzhou Greenspring New Energy',
      industry: 'New energy',
      region: 'Changzhou',
      size: '500-1000',
      owner: 'li',
      notes: 'Referred by an existing customer.',
    },
  ],
  contacts: [
    {
      account: 0,
      name: 'Jianguo Zhou',
      title: 'Director of Equipment',
      phone: '+86 138 0021 5566',
      email: 'zhou.jianguo@example.com',
      wechat: 'zhoujg_sh',
    },
    {
      account: 0,
      name: 'Li Sun',
      title: 'Purchasing Manager',
      phone: '+86 139 1702 3344',
      email: 'sun.li@example.com',
      wechat: 'sunli_cg',
    },
    { account: 1, name: 'Haitao Wu', title: 'Head of IT', phone: '+86 137 5810 2233', email: 'wu.haitao@example.com', wechat: 'wuht_hz' },
    {
      account: 2,
      name: 'Xiaoming Zheng',
      title: 'Deputy General Manager',
      phone: '+86 136 1234 8899',
      email: 'zheng.xm@example.com',
      wechat: 'zhengxm',
    },
    {
      account: 3,
      name: 'Jing Feng',
      title: 'Quality & Compliance Manager',
      phone: '+86 135 2255 6677',
      email: 'feng.jing@example.com',
      wechat: 'fengjing_nj',
    },
    { account: 4, name: 'Bin He', title: 'Plant Manager', phone: '+86 133 5741 0088', email: 'he.bin@example.com', wechat: 'hebin_nb' },
    {
      account: 5,
      name: 'Zhiyuan Ma',
      title: 'Director of Operations',
      phone: '+86 131 5102 7788',
      email: 'ma.zhiyuan@example.com',
      wechat: 'mazy_wx',
    },
    { account: 6, name: 'Xue Lin', title: 'Office Manager', phone: '+86 150 5512 3456', email: 'lin.xue@example.com', wechat: 'linxue_hf' },
    {
      account: 7,
      name: 'Tao Huang',
      title: 'General Manager',
      phone: '+86 158 6120 9900',
      email: 'huang.tao@example.com',
      wechat: 'huangtao_cz',
    },
  ],
  deals: [],
  activities: [
    {
      deal: 0,
      type: 'meeting',
      daysAgo: 6,
      by: 'wang',
      contact: 0,
      outcome: 'Phase-3 expansion confirmed; price still 8% apart.',
      nextStep: 'Send the revised quote by Friday',
    },
    {
      deal: 0,
      type: 'call',
      daysAgo: 2,
      by: 'wang',
      contact: 1,
      outcome: 'Purchasing asks for 30-60-10 payment terms.',
      nextStep: 'Check payment terms with Jing Chen (finance)',
    },
    {
      deal: 1,
      type: 'visit',
      daysAgo: 10,
      by: 'li',
      contact: 2,
      outcome: 'Visited two model stores; they like the inspection flow.',
      nextStep: 'Wei Zhang prepares the POC plan',
    },
    {
      deal: 1,
      type: 'email',
      daysAgo: 3,
      by: 'zhang',
      contact: 2,
      outcome: 'Sent the proposal and the quote.',
      nextStep: 'Call back next Tuesday',
    },
    {
      deal: 2,
      type: 'meeting',
      daysAgo: 4,
      by: 'owner',
      contact: 3,
      outcome: 'Terms agreed in principle; legal review under way.',
      nextStep: 'Chase legal; aim to sign by month end',
    },
    {
      deal: 3,
      type: 'call',
      daysAgo: 5,
      by: 'li',
      contact: 4,
      outcome: 'Needs: cold-chain temperature tracing and GSP reports.',
      nextStep: 'Book a product demo',
    },
    {
      deal: 4,
      type: 'note',
      daysAgo: 3,
      by: 'wang',
      contact: 5,
      outcome: 'Met at the trade show; interested in packaging-line data capture.',
      nextStep: 'Send brochure and samples',
    },
    {
      deal: 5,
      type: 'visit',
      daysAgo: 8,
      by: 'wang',
      contact: 6,
      outcome: 'Surveyed three production lines on site.',
      nextStep: 'Submit the technical proposal',
    },
    {
      deal: 7,
      type: 'meeting',
      daysAgo: 14,
      by: 'wang',
      contact: 0,
      outcome: 'Signing ceremony; contract stamped.',
      nextStep: 'Kick off delivery and the payment plan',
    },
    {
      deal: 9,
      type: 'call',
      daysAgo: 22,
      by: 'li',
      contact: 2,
      outcome: 'They chose a cheaper competitor.',
      nextStep: 'Check back in six months',
    },
    {
      deal: 11,
      type: 'meeting',
      daysAgo: 1,
      by: 'owner',
      contact: 3,
      outcome: 'Phase 2 in negotiation; focus on the rollout timeline.',
      nextStep: 'Prepare a phased rollout plan',
    },
  ],
};

const TITLES: Record<Locale, string[]> = {
  'zh-CN': [
    '精工机械三期设备联网项目',
    '云帆零售门店巡检系统',
    '新锐电子新工厂 MES 项目',
    '华东医药冷链追溯平台',
    '远洋包装产线数据采集',
    '恒通汽配质量追溯系统',
    '启明食品仓储管理试点',
    '精工机械年度维保框架协议',
    '绿源新能源设备监控项目',
    '云帆零售会员小程序',
    '华东医药 GSP 报表模块',
    '新锐电子二期扩产项目',
  ],
  en: [
    'Shanghai Precision phase-3 connected equipment',
    'Cloudsail store-inspection system',
    'Newedge new-plant MES',
    'East China Pharma cold-chain tracing',
    'Ocean Packaging line data capture',
    'Hengtong quality traceability',
    'Dawn Foods warehouse pilot',
    'Shanghai Precision annual maintenance framework',
    'Greenspring equipment monitoring',
    'Cloudsail membership mini-program',
    'East China Pharma GSP reports',
    'Newedge phase-2 expansion',
  ],
};

const SOURCES: Record<Locale, string[]> = {
  'zh-CN': ['老客户', '展会', '转介绍', '官网', '电话开发'],
  en: ['Existing customer', 'Trade show', 'Referral', 'Website', 'Cold call'],
};
const LOST: Record<Locale, string> = { 'zh-CN': '价格：客户选择了报价更低的竞品', en: 'Price: the customer chose a cheaper competitor' };

function withDeals(locale: Locale, words: SalesWords): SalesWords {
  const deals: DemoDeal[] = SHAPE.deals.map(([account, contact, yuan, stage, owner, closeInDays, ageDays, probability], i) => ({
    title: TITLES[locale][i],
    account,
    contact,
    yuan,
    stage,
    owner,
    closeInDays,
    ageDays,
    source: SOURCES[locale][i % SOURCES[locale].length],
    probability,
    lostReason: stage === 'lost' ? LOST[locale] : undefined,
    contract: stage === 'won' ? { number: `HT-2026-${String(118 + i).padStart(4, '0')}`, termMonths: i === 7 ? 12 : 24 } : undefined,
  }));
  return { ...words, deals };
}

export const SALES: Record<Locale, SalesWords> = { 'zh-CN': withDeals('zh-CN', zh), en: withDeals('en', en) };
