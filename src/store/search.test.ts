import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import type { Database } from './db';
import { search } from './search';
import { replacePack } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

describe('search', () => {
  it('searches platforms, titles and quotes offline, every word required, accents ignored', async () => {
    await replacePack(db, twoPlatforms());
    const byName = await search(db, 'globex');
    expect(byName[0]).toMatchObject({ kind: 'platform', name: 'GLOBEX', documents: 1 });
    expect(byName.some((h) => h.kind === 'record' && h.title === 'Globex keeps data forever')).toBe(true);
    const byQuote = await search(db, 'QUOTED clause A2');
    expect(byQuote.map((h) => (h.kind === 'record' ? h.title : h.name))).toEqual(['Acme arbitration']);
    expect(await search(db, 'arbitrátion')).toHaveLength(1);
    expect(await search(db, '   ')).toEqual([]);
    expect(await search(db, 'nothing like this')).toEqual([]);
  });

  it('finds a platform two sources describe by either source\'s name or domain, as one hit', async () => {
    const ours = pack('ours', ['acme'], [{ id: 'x', documentId: 'acme.terms' }]);
    const theirs = pack('theirs', ['acme'], [{ id: 'y', documentId: 'acme.terms' }]);
    theirs.platforms[0] = { id: 'acme', name: 'Acme Corporation', domains: ['acme-corp.example'] };
    await replacePack(db, ours);
    await replacePack(db, theirs);
    for (const query of ['ACME', 'corporation', 'acme.example', 'acme-corp.example']) {
      const platforms = (await search(db, query)).filter((h) => h.kind === 'platform');
      expect(platforms.map((h) => h.kind === 'platform' && h.platformId), query).toEqual(['acme']);
    }
  });

  it("counts a page two sources both describe as one of the platform's documents", async () => {
    const ours = pack('ours', ['acme'], [{ id: 'x', documentId: 'acme.terms' }]);
    const theirs = pack('theirs', ['acme'], [{ id: 'y', documentId: 'acme.terms' }, { id: 'z', documentId: 'acme.privacy' }]);
    // Their entry of the same page has its own title; their privacy policy is another page.
    theirs.documents[0]!.title = 'Terms and Conditions of Use';
    theirs.documents.push({ ...theirs.documents[0]!, id: 'acme.privacy', title: 'Privacy', url: 'https://www.acme.example/legal/privacy', urlPatterns: ['www.acme.example/legal/privacy'] });
    await replacePack(db, ours);
    await replacePack(db, theirs);
    const [platform] = (await search(db, 'acme')).filter((h) => h.kind === 'platform');
    expect(platform).toMatchObject({ platformId: 'acme', documents: 2 });
  });

  it('sees what was written since the last search', async () => {
    await replacePack(db, twoPlatforms());
    expect(await search(db, 'initech')).toEqual([]);
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms' }]));
    expect((await search(db, 'initech'))[0]).toMatchObject({ kind: 'platform', platformId: 'initech' });
  });
});
