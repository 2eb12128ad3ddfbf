import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase } from '../../test/helpers/store';
import type { TabView } from '../messages/protocol';
import type { Database } from '../store/db';
import { rowKey } from '../store/db';
import { replacePack } from '../store/write';
import { oneEntryPerDocument } from './document-entries';

type Entry = TabView['documents'][number];
const entry = (key: string, over: Partial<Entry> = {}): Entry => ({
  key,
  title: 'Terms of Use',
  platformName: 'Spotify',
  url: 'https://www.spotify.com/us/legal/end-user-agreement/',
  source: 'Termlight records',
  verification: { documentKey: key, state: 'unknown' },
  history: [],
  ...over,
});

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
  // Ours: the terms in every locale. Theirs (ToS;DR): the US address, and its privacy policy.
  const ours = pack('ours', ['spotify'], [{ id: 'r', documentId: 'spotify.terms' }]);
  ours.documents[0] = { ...ours.documents[0]!, url: 'https://www.spotify.com/us/legal/end-user-agreement/', urlPatterns: ['www.spotify.com/{locale}/legal/end-user-agreement'] };
  const theirs = pack('tosdr.spotify', ['spotify'], [{ id: 'p', documentId: 'spotify.terms' }]);
  theirs.documents[0] = { ...theirs.documents[0]!, url: 'https://www.spotify.com/us/legal/end-user-agreement', urlPatterns: ['www.spotify.com/us/legal/end-user-agreement'] };
  await replacePack(db, ours);
  await replacePack(db, theirs);
});

describe("a page's documents in the popup", () => {
  it('the same page described by two sources is one entry, led by the verified one, naming both sources', async () => {
    const tosdr = entry(rowKey('tosdr.spotify', 'spotify.terms'), {
      title: 'Terms and Conditions of Use',
      url: 'https://www.spotify.com/us/legal/end-user-agreement',
      source: 'ToS;DR: Spotify',
    });
    const ours = entry(rowKey('ours', 'spotify.terms'), { verification: { documentKey: rowKey('ours', 'spotify.terms'), state: 'same', verifiedOn: '2026-11-01' } });
    expect(await oneEntryPerDocument(db, [tosdr, ours])).toEqual([{ ...ours, source: 'ToS;DR: Spotify, Termlight records' }]);
  });

  it('other pages, pages without an address and other platforms stay apart', async () => {
    const entries = [
      entry('a'),
      entry('b', { url: 'https://www.spotify.com/us/legal/privacy-policy/', title: 'Privacy Policy' }),
      entry('c', { url: '', title: 'Terms of Use' }),
      entry('d', { url: '', title: 'Terms of Use' }),
      entry('e', { platformName: 'Other' }),
    ];
    expect((await oneEntryPerDocument(db, entries)).map((e) => e.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
