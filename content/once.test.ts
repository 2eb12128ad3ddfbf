import { describe, expect, it } from 'vitest';
import { claimDocument, contentScriptRunning, RUNNING_MARK } from './once';

describe('the content script starts once per document', () => {
  it('the first copy claims the document; a second one (injected after the manifest\'s) does not start', () => {
    const world = {};
    const runtime = { id: 'termlight' };
    expect(contentScriptRunning(RUNNING_MARK, world)).toBe(false);
    expect(claimDocument(runtime, world)).toBe(true);
    expect(contentScriptRunning(RUNNING_MARK, world)).toBe(true);
    expect(claimDocument({ id: 'termlight' }, world)).toBe(false);
  });

  it('a copy orphaned by an update (its runtime lost its id) does not stop the new version from starting', () => {
    const world = {};
    const old: { id?: string } = { id: 'termlight' };
    expect(claimDocument(old, world)).toBe(true);
    delete old.id;
    expect(contentScriptRunning(RUNNING_MARK, world)).toBe(false);
    expect(claimDocument({ id: 'termlight' }, world)).toBe(true);
    expect(claimDocument({ id: 'termlight' }, world)).toBe(false);
  });

  it('leaves no mark the page could read: nothing in the DOM, nothing under a string key', () => {
    const world: Record<string, unknown> = {};
    claimDocument({ id: 'termlight' }, world);
    expect(Object.keys(world)).toEqual([]);
  });

  it('the check runs on its own, as scripting.executeScript serialises it into a tab', () => {
    const world = {};
    claimDocument({ id: 'termlight' }, world);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- rebuilt from its source text, as the browser does
    const rebuild = new Function(`return (${contentScriptRunning.toString()})`) as () => typeof contentScriptRunning;
    const rebuilt = rebuild();
    expect(rebuilt(RUNNING_MARK, world)).toBe(true);
    expect(rebuilt(RUNNING_MARK, {})).toBe(false);
  });
});
