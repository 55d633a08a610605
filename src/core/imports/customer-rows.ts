import { nameKey } from '../accounts/schemas.js';
import { OptionalEmail } from '../contacts/schemas.js';
import { type Cell, cellText, type Parsed } from './parse-values.js';

/** What an account import column can fill. */
export const ACCOUNT_FIELDS = ['name', 'industry', 'region', 'size', 'owner', 'notes'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** What a contact import column can fill (`firstName` + `lastName` when the file has no full name). */
export const CONTACT_FIELDS = ['name', 'firstName', 'lastName', 'title', 'phone', 'email', 'wechat', 'account', 'notes'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * Header names per field: Quarterdeck's own export (a round trip), hand-made sheets in English and Chinese,
 * and the company/organization and contact/person exports of Salesforce, HubSpot and Pipedrive.
 */
export const ACCOUNT_HEADERS: Record<AccountField, readonly string[]> = {
  name: [
    'Name',
    'Account Name',
    'Company name',
    'Organization - Name',
    'Company',
    'Account',
    'Customer',
    '客户名称',
    '客户',
    '公司名称',
    '公司',
  ],
  industry: ['Industry', 'Organization - Industry', '行业'],
  region: [
    'Region',
    'Billing State/Province',
    'Billing Country',
    'Country/Region',
    'State/Region',
    'Organization - Address',
    '地区',
    '区域',
    '省份',
  ],
  size: ['Size', 'Employees', 'Number of Employees', 'Organization - Number of employees', '规模', '人员规模'],
  owner: ['Owner', 'Account Owner', 'Company owner', 'Organization - Owner', '负责人'],
  notes: ['Notes', 'Description', 'Company Description', '备注', '说明'],
};

export const CONTACT_HEADERS: Record<ContactField, readonly string[]> = {
  name: ['Name', 'Full Name', 'Contact Name', 'Person - Name', '姓名', '联系人'],
  firstName: ['First Name', 'Person - First name', '名'],
  lastName: ['Last Name', 'Person - Last name', '姓'],
  title: ['Title', 'Job Title', 'Person - Job title', '职位', '职务'],
  phone: ['Phone', 'Phone Number', 'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Person - Phone', '电话', '手机', '手机号'],
  email: ['E-mail', 'Email', 'Email Address', 'Person - Email', '邮箱', '电子邮件'],
  wechat: ['WeChat', 'Wechat ID', '微信', '微信号'],
  account: [
    'Account',
    'Account Name',
    'Company',
    'Company Name',
    'Associated Company',
    'Person - Organization',
    '客户',
    '公司',
    '客户名称',
  ],
  notes: ['Notes', 'Description', '备注'],
};

export type AccountDraft = { name: string; industry: string; region: string; size: string; owner: string | null; notes: string };
export type ContactDraft = {
  name: string;
  title: string;
  phone: string;
  email: string;
  wechat: string;
  account: string | null;
  notes: string;
};

type Columns<F extends string> = Partial<Record<F, number>>;
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });
const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
const reader =
  <F extends string>(cells: readonly Cell[], columns: Columns<F>) =>
  (field: F): string => {
    const at = columns[field];
    return at === undefined ? '' : cellText(cells[at] ?? null);
  };

/**
 * One row → an account, or why not: a missing or over-long name, or a name the workspace (`taken`, keys
 * by `nameKey`) or an earlier row of the file has already. `taken` maps a key to where it was seen.
 */
export function mapAccountRow(
  cells: readonly Cell[],
  columns: Columns<AccountField>,
  taken: ReadonlyMap<string, number | null>,
): Parsed<AccountDraft> {
  const read = reader(cells, columns);
  const name = read('name');
  if (name === '') return fail('missing name');
  if (name.length > 200) return fail('name longer than 200 characters');
  const seen = taken.get(nameKey(name));
  if (seen !== undefined) return fail(seen === null ? `an account named ${quote(name)} exists already` : `same name as row ${seen}`);
  return {
    ok: true,
    value: {
      name,
      industry: read('industry').slice(0, 100),
      region: read('region').slice(0, 100),
      size: read('size').slice(0, 50),
      owner: read('owner').slice(0, 254) || null,
      notes: read('notes').slice(0, 20_000),
    },
  };
}

/**
 * One row → a contact, or why not: no name (nor first and last name), an over-long name, a malformed
 * e-mail, or an e-mail the workspace (`taken`, lower-cased) or an earlier row of the file has already.
 */
export function mapContactRow(
  cells: readonly Cell[],
  columns: Columns<ContactField>,
  taken: ReadonlyMap<string, number | null>,
): Parsed<ContactDraft> {
  const read = reader(cells, columns);
  const first = read('firstName');
  const last = read('lastName');
  // Western exports split the name; a name with Chinese characters reads family name first, without a space.
  const joined = /[\u3400-\u9fff]/.test(first + last) ? `${last}${first}` : [first, last].filter(Boolean).join(' ');
  const name = read('name') || joined;
  if (name === '') return fail('missing name');
  if (name.length > 200) return fail('name longer than 200 characters');
  const email = read('email');
  if (email !== '') {
    if (!OptionalEmail.safeParse(email).success) return fail(`bad e-mail ${quote(email)}`);
    const seen = taken.get(email.toLowerCase());
    if (seen !== undefined)
      return fail(seen === null ? `a contact with e-mail ${quote(email)} exists already` : `same e-mail as row ${seen}`);
  }
  return {
    ok: true,
    value: {
      name,
      title: read('title').slice(0, 200),
      phone: read('phone').slice(0, 50),
      email,
      wechat: read('wechat').slice(0, 100),
      account: read('account').slice(0, 200) || null,
      notes: read('notes').slice(0, 20_000),
    },
  };
}
