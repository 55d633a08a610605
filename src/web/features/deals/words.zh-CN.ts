import type { Shape } from '../../app/i18n/shape';
import type { dealsEn } from './words.en';

/** 中文，键与 words.en.ts 一一对应。 */
export const dealsZh: Shape<typeof dealsEn> = {
  tab: '销售管道',
  stagesTab: '商机阶段',
};
