/** The plan screens' words in English (words.zh-CN.ts has the same keys; each language is its own chunk). */
export const planEn = {
  tab: 'Plan',
  calendarsTab: 'Working calendars',
} as const;
