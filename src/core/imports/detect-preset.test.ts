import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPreset, PRESETS, resolveColumns } from './presets.js';

const headerOf = (name: string) =>
  fs
    .readFileSync(path.join(import.meta.dirname, '../../server/features/imports/fixtures', name), 'utf8')
    .split(/\r?\n/)[0]
    .split(',')
    .map((h) => h.replace(/^"|"$/g, ''));

describe('detectPreset', () => {
  it.each([
    ['salesforce-opportunities.csv', 'salesforce'],
    ['hubspot-deals.csv', 'hubspot'],
    ['pipedrive-deals.csv', 'pipedrive'],
    ['formula-injection.csv', 'generic'],
  ])('reads %s as %s', (file, preset) => {
    expect(detectPreset(headerOf(file))).toBe(preset);
  });

  it('prefers generic on a tie and when no preset finds a title', () => {
    // "Name", "Amount" and "Stage" are both Salesforce's and generic's names.
    expect(detectPreset(['Name', 'Amount', 'Stage'])).toBe('generic');
    expect(detectPreset(['Foo', 'Bar'])).toBe('generic');
    expect(detectPreset(['Opportunity Name', 'Amount', 'Stage', 'Close Date'])).toBe('salesforce');
  });
});

describe('resolveColumns with a mapping', () => {
  it('an empty header name leaves the field unmapped; an unknown one is reported missing', () => {
    const headers = ['Title', 'Amount', 'Notes'];
    expect(resolveColumns(headers, PRESETS.generic, { amount: '' })).toEqual({
      columns: { title: 0 },
      unknownHeaders: ['Amount', 'Notes'],
      missing: [],
    });
    expect(resolveColumns(headers, PRESETS.generic, { source: 'Nope' }).missing).toEqual(['Nope']);
  });
});
