import type { Shape } from '../../app/i18n/shape';
import type { planEn } from './words.en';

/** 中文，键与 words.en.ts 一一对应。 */
export const planZh: Shape<typeof planEn> = {
  tab: '计划',
  calendarsTab: '工作日历',
};
