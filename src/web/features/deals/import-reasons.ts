import type { TFunction } from 'i18next';

type ReasonKey =
  | 'missingTitle'
  | 'missingName'
  | 'titleTooLong'
  | 'nameTooLong'
  | 'badAmount'
  | 'negativeAmount'
  | 'amountTooLarge'
  | 'badDate'
  | 'badProbability'
  | 'unknownCurrency'
  | 'unknownStatus'
  | 'unknownStage'
  | 'openButClosed'
  | 'noStage'
  | 'badEmail'
  | 'sameName'
  | 'sameEmail'
  | 'accountExists'
  | 'contactExists';

/** The server's reasons (English, fixed wording) → the words for them; `value` is the quoted cell or the row number. */
const PATTERNS: [RegExp, ReasonKey][] = [
  [/^missing title$/, 'missingTitle'],
  [/^missing name$/, 'missingName'],
  [/^title longer than/, 'titleTooLong'],
  [/^name longer than/, 'nameTooLong'],
  [/^bad amount: negative (.*)$/, 'negativeAmount'],
  [/^bad amount: too large (.*)$/, 'amountTooLarge'],
  [/^bad amount (.*)$/, 'badAmount'],
  [/^bad date (.*)$/, 'badDate'],
  [/^bad probability (.*)$/, 'badProbability'],
  [/^unknown currency (.*)$/, 'unknownCurrency'],
  [/^unknown status (.*)$/, 'unknownStatus'],
  [/^unknown stage (.*)$/, 'unknownStage'],
  [/^status open but stage (.*) is closed$/, 'openButClosed'],
  [/^no stage to put the deal in$/, 'noStage'],
  [/^bad e-mail (.*)$/, 'badEmail'],
  [/^same name as row (\d+)$/, 'sameName'],
  [/^same e-mail as row (\d+)$/, 'sameEmail'],
  [/^an account named (.*) exists already$/, 'accountExists'],
  [/^a contact with e-mail (.*) exists already$/, 'contactExists'],
];

/** A rejected row's reason in the user's language (the server's own words when the wording is new). */
export function reasonText(t: TFunction, reason: string): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(reason);
    if (match) return t(`deals.import.reasons.${key}`, { value: match[1] ?? '' });
  }
  return reason;
}
