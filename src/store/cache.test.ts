import { describe, expect, it } from 'vitest';
import { cached, markChanged } from './cache';
import type { Database } from './db';

/** Only its identity matters to the cache. */
const fakeDb = () => ({}) as Database;

describe('cached', () => {
  it('builds once per store generation, and again after a write', async () => {
    const db = fakeDb();
    let builds = 0;
    const build = () => Promise.resolve(++builds);
    expect(await cached(db, 'rows', build)).toBe(1);
    expect(await cached(db, 'rows', build)).toBe(1);
    markChanged();
    expect(await cached(db, 'rows', build)).toBe(2);
  });

  it('keeps values apart per key and per database', async () => {
    const [a, b] = [fakeDb(), fakeDb()];
    expect(await cached(a, 'x', () => Promise.resolve('a.x'))).toBe('a.x');
    expect(await cached(a, 'y', () => Promise.resolve('a.y'))).toBe('a.y');
    expect(await cached(b, 'x', () => Promise.resolve('b.x'))).toBe('b.x');
    expect(await cached(a, 'x', () => Promise.resolve('other'))).toBe('a.x');
  });

  it('forgets a build that failed, so the next call tries again', async () => {
    const db = fakeDb();
    await expect(cached(db, 'rows', () => Promise.reject(new Error('read failed')))).rejects.toThrow('read failed');
    expect(await cached(db, 'rows', () => Promise.resolve('read'))).toBe('read');
  });
});
