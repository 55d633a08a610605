import type { Shape } from '../../app/i18n/shape';
import type { accountsEn } from './words.en';

/** 中文，键与 words.en.ts 一一对应。 */
export const accountsZh: Shape<typeof accountsEn> = {
  nav: '客户',
  contactsNav: '联系人',
};
