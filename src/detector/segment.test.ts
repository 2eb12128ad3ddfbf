import { describe, expect, it } from 'vitest';
import { segment } from './segment';

const texts = (text: string) => segment(text).map((u) => u.text);

describe('segment', () => {
  it('cuts sentences at full stops, question and exclamation marks', () => {
    expect(texts('We may change these terms. You agree to them! Do you? Yes.')).toEqual([
      'We may change these terms.',
      'You agree to them!',
      'Do you?',
      'Yes.',
    ]);
  });

  it('always ends a unit at a line break (blocks of a page), and drops units without letters', () => {
    expect(texts('1 Introduction\nBy using the Service you agree\n\n---\n  12  \nto these Terms.')).toEqual([
      '1 Introduction',
      'By using the Service you agree',
      'to these Terms.',
    ]);
  });

  it('does not cut after abbreviations, initials or before a lowercase word', () => {
    expect(texts('Acme Inc. may, e.g. in the U.S. and the E.U., end it. See No. 4 of the terms. it goes on.')).toEqual([
      'Acme Inc. may, e.g. in the U.S. and the E.U., end it.',
      'See No. 4 of the terms. it goes on.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they end', () => {
    expect(texts('They are the “Terms.” (See below.) “We” means Acme.')).toEqual(['They are the “Terms.”', '(See below.)', '“We” means Acme.']);
  });

  it('gives offsets that point at the unit in the original text', () => {
    const text = '  Intro line\r\nFirst one.   Second one.\u2029Third';
    for (const unit of segment(text)) expect(text.slice(unit.start, unit.end)).toBe(unit.text);
    expect(texts(text)).toEqual(['Intro line', 'First one.', 'Second one.', 'Third']);
  });

  it('returns nothing for empty or letterless text', () => {
    expect(segment('')).toEqual([]);
    expect(segment(' \n 1. 2. \n')).toEqual([]);
  });
});
