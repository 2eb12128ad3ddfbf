/**
 * The committed detector model (src/detector/model.json) is what `npm run train` makes from the
 * corpus: retrained here, byte for byte. Also: the model is small enough to ship and flags
 * plain hand-written sentences as a reader would expect.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/detector/corpus';
import { MODEL_FILE, trainModel } from '../../scripts/detector/train';
import { bundledModel } from '../../src/detector/bundled-model';
import { detect } from '../../src/detector/detect';
import { why } from '../../src/detector/why';
import { CORPUS_DIR, hasCorpus } from '../helpers/corpus';

const committed = readFileSync(MODEL_FILE, 'utf8');

describe.runIf(hasCorpus)(`training on the CLAUDETTE corpus${hasCorpus ? '' : ` (skipped: no corpus at ${CORPUS_DIR})`}`, () => {
  it('gives exactly the committed model (run `npm run train` after changing the detector)', () => {
    const retrained = trainModel(loadCorpus(CORPUS_DIR.replace(/\/$/, '')));
    expect(retrained === committed, 'src/detector/model.json differs from a fresh training: run `npm run train` and commit it').toBe(true);
  }, 240_000);
});

describe('the shipped model', () => {
  it('is at most 300 KB gzipped', () => {
    expect(gzipSync(committed).length).toBeLessThanOrEqual(300 * 1024);
  });

  it('flags a plain arbitration clause as arbitration, and why names its words', () => {
    const text = 'Any dispute arising out of these terms shall be resolved exclusively by final and binding arbitration, and you waive your right to a jury trial or to take part in a class action.';
    const [found] = detect(bundledModel(), text);
    expect(found?.kinds[0]).toBe('arbitration');
    expect(why(bundledModel(), text, 'arbitration').map((r) => r.text.toLowerCase()).join(' ')).toMatch(/arbitration|class action|jury/);
  });

  it('flags a clause that lets the service change the terms at any time', () => {
    const [found] = detect(bundledModel(), 'We may modify or amend these Terms at any time at our sole discretion without notice to you.');
    expect(found?.kinds).toContain('unilateral-change');
  });

  it('flags nothing in ordinary prose that is not a clause', () => {
    const text = [
      'Preheat the oven to 180 degrees and butter a round tin.',
      'Our team met in Lisbon last spring to plan the new garden.',
      'Click the blue button to upload a photo of your cat.',
    ].join('\n');
    expect(detect(bundledModel(), text)).toEqual([]);
  });
});
