/** The deals screens' words in English (words.zh-CN.ts has the same keys; each language is its own chunk). */
export const dealsEn = {
  tab: 'Pipeline',
  stagesTab: 'Deal stages',
} as const;
