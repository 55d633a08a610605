/** Customers' and contacts' words in English (words.zh-CN.ts has the same keys; each language is its own chunk). */
export const accountsEn = {
  nav: 'Customers',
  contactsNav: 'Contacts',
} as const;
