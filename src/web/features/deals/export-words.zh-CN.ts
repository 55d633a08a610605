import type { Shape } from '../../app/i18n/shape';
import type { exportEn } from './export-words.en';

export const exportZh: Shape<typeof exportEn> = {
  button: '导出',
  csv: 'CSV（可用 Excel 打开，UTF-8）',
  xlsx: 'Excel 工作簿（.xlsx）',
  hint: '按当前筛选条件导出',
  activities: '本项目的跟进记录',
  activitiesCsv: '跟进记录，CSV',
  activitiesXlsx: '跟进记录，Excel',
} as const;
