import { describe, expect, it } from 'vitest';
import { sectionHeadings } from './headings';
import { segment } from './segment';

describe('sectionHeadings', () => {
  it('gives each sentence the short whole line above it, and a heading the one before it', () => {
    const text = [
      'Welcome to Acme.',
      '12 Governing law',
      'These terms are governed by the laws of Ireland. The courts of Dublin decide.',
      'LIMITATION OF LIABILITY',
      'We are not liable for indirect losses.',
    ].join('\n');
    const units = segment(text);
    expect(units.map((u, i) => [u.text, sectionHeadings(text, units)[i]])).toEqual([
      ['Welcome to Acme.', undefined],
      ['12 Governing law', 'Welcome to Acme.'],
      ['These terms are governed by the laws of Ireland.', '12 Governing law'],
      ['The courts of Dublin decide.', '12 Governing law'],
      ['LIMITATION OF LIABILITY', '12 Governing law'],
      ['We are not liable for indirect losses.', 'LIMITATION OF LIABILITY'],
    ]);
  });

  it('does not take a long line, a sentence sharing its line, or a line ending in a colon for a heading', () => {
    const text = [
      'You agree that the following applies to every account you hold with us here:',
      'Short line. Another sentence on it.',
      'Last sentence.',
    ].join('\n');
    const units = segment(text);
    expect(sectionHeadings(text, units)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
