/** The goals screens' words in English (words.zh-CN.ts has the same keys; each language is its own chunk). */
export const goalsEn = {
  tab: 'Goals',
  ratesTab: 'Exchange rates',
} as const;
