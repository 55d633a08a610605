import type { Shape } from '../../app/i18n/shape';
import type { dealListEn } from './deal-list-words.en';

export const dealListZh: Shape<typeof dealListEn> = {
  stage: '阶段',
  status: '状态',
  anyStage: '全部阶段',
  anyStatus: '全部状态',
  sort: '排序',
  sorts: {
    '-updatedAt': '最近更新',
    updatedAt: '最早更新',
    '-createdAt': '最新创建',
    createdAt: '最早创建',
    title: '标题 A–Z',
    '-title': '标题 Z–A',
    '-amount': '金额从大到小',
    amount: '金额从小到大',
    expectedCloseDate: '预计成交最早',
    '-expectedCloseDate': '预计成交最晚',
    '-closeDate': '最近成交/关闭',
    closeDate: '最早成交/关闭',
  },
  columns: '显示列',
  columnsHint: '你的选择会保存在本设备上。',
  count: '已显示 {{shown}} 个',
  emptyTitle: '还没有商机',
  emptyText: '新建商机，或从表格、Salesforce、HubSpot、Pipedrive 导入。',
  emptyFilteredTitle: '没有符合条件的商机',
  emptyFilteredText: '换个关键词，或清除筛选条件。',
  clear: '清除筛选',
  importLink: '导入商机',
};
