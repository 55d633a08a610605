import { describe, expect, it } from 'vitest';
import { neutralizeCell, neutralizeValue, unneutralizeCell } from './neutralize.js';

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+2', "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1,2)', "'@SUM(1,2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('neutralizes %j', (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });

  it.each(['Acme = good', '华为云', '', ' =1', "'already quoted", 'a-b', '100%'])('leaves %j alone', (input) => {
    expect(neutralizeCell(input)).toBe(input);
  });

  it('leaves numbers, dates and empty cells alone', () => {
    expect(neutralizeValue(-5)).toBe(-5);
    expect(neutralizeValue(null)).toBe(null);
    const date = new Date(0);
    expect(neutralizeValue(date)).toBe(date);
    expect(neutralizeValue('-5')).toBe("'-5");
  });
});

describe('reading an exported cell back', () => {
  it('drops the apostrophe that neutralizing added, and nothing else', () => {
    for (const text of ['=1+1', '+cmd', '-2', '@x', '\t=1', 'plain', "'quoted", "'", '']) {
      expect(unneutralizeCell(neutralizeCell(text))).toBe(text);
    }
  });
});
