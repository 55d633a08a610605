import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate, parseProbability } from './parse-values.js';

describe('amounts as exporters write them', () => {
  it.each([
    ['12500', 'CNY', 1_250_000, null],
    ['$12,500.00', 'CNY', 1_250_000, 'USD'],
    ['USD 12,500.00', 'CNY', 1_250_000, 'USD'],
    ['¥1,234', 'USD', 123_400, 'CNY'],
    ['￥8,800.50', 'USD', 880_050, 'CNY'],
    ['1.234,56 €', 'CNY', 123_456, 'EUR'],
    ['1 234,56', 'EUR', 123_456, null],
    ['1,234,567.8', 'USD', 123_456_780, null],
    ['1.234.567', 'EUR', 123_456_700, null],
    ['12.5万', 'CNY', 12_500_000, null],
    ['JPY 1,500', 'CNY', 1500, 'JPY'],
    ['0.125', 'USD', 13, null],
    ['', 'CNY', 0, null],
  ])('%j (default %s) → %d minor units', (text, currency, minor, named) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, value: { minor, currency: named } });
  });

  it('takes XLSX numbers in major units of the currency', () => {
    expect(parseAmount(1234.5, 'CNY')).toEqual({ ok: true, value: { minor: 123_450, currency: null } });
    expect(parseAmount(1500, 'JPY')).toEqual({ ok: true, value: { minor: 1500, currency: null } });
  });

  it.each(['-100', '(1,200.00)', 'abc', '12,34,5', '=1+1', '1e5', '1,23,45', '99999999999999999'])('refuses %j', (text) => {
    expect(parseAmount(text, 'CNY').ok).toBe(false);
  });
});

describe('dates as exporters write them', () => {
  it.each([
    ['2027-03-31', '2027-03-31'],
    ['2027-03-31 14:05', '2027-03-31'],
    ['2027-03-31T14:05:00Z', '2027-03-31'],
    ['3/31/2027', '2027-03-31'],
    ['03/09/2027', '2027-03-09'],
    ['31/3/2027', '2027-03-31'],
    ['31.03.2027', '2027-03-31'],
    ['2027/3/9', '2027-03-09'],
    ['2027年3月9日', '2027-03-09'],
    ['3/9/27', '2027-03-09'],
    ['46477', '2027-03-31'],
    ['', null],
  ])('%j → %j', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it('reads day first when told so, and Excel dates', () => {
    expect(parseDate('03/09/2027', 'DMY')).toEqual({ ok: true, value: '2027-09-03' });
    expect(parseDate(new Date(Date.UTC(2027, 2, 31)))).toEqual({ ok: true, value: '2027-03-31' });
  });

  it.each(['2027-02-30', '13/13/2027', 'next week', '2027-13-01', '31/31/2027'])('refuses %j', (text) => {
    expect(parseDate(text).ok).toBe(false);
  });
});

describe('probabilities', () => {
  it.each([
    ['60%', 0.6],
    ['60', 0.6],
    ['0.6', 0.6],
    ['1', 1],
    ['0', 0],
    ['12,5%', 0.125],
    ['', null],
  ])('%j → %j', (text, value) => {
    expect(parseProbability(text)).toEqual({ ok: true, value });
  });

  it.each(['150%', 'high', '-10'])('refuses %j', (text) => {
    expect(parseProbability(text).ok).toBe(false);
  });
});
