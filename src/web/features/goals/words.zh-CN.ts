import type { Shape } from '../../app/i18n/shape';
import type { goalsEn } from './words.en';

/** 中文，键与 words.en.ts 一一对应。 */
export const goalsZh: Shape<typeof goalsEn> = {
  tab: '目标',
  ratesTab: '汇率',
};
