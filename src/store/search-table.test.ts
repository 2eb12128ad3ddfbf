import { describe, expect, it } from 'vitest';
import { NOWHERE, SearchTable } from './search-table';

describe('SearchTable', () => {
  const table = new SearchTable(
    [
      ['acme', 'acme.example', 'we may share data'],
      ['', 'data terms', 'data again'],
      ['globex', '', ''],
      ['data', '', 'data'],
    ],
    3,
  );

  it("gives each row the first field a word occurs in, wherever its occurrences are", () => {
    expect([...table.fieldsWith('data')]).toEqual([2, 1, NOWHERE, 0]);
    expect([...table.fieldsWith('acme')]).toEqual([0, NOWHERE, NOWHERE, NOWHERE]);
    expect([...table.fieldsWith('nothing')]).toEqual([NOWHERE, NOWHERE, NOWHERE, NOWHERE]);
  });

  it('never matches across two fields or two rows', () => {
    expect([...table.fieldsWith('exampleda')]).toEqual([NOWHERE, NOWHERE, NOWHERE, NOWHERE]);
    expect([...table.fieldsWith('againglo')]).toEqual([NOWHERE, NOWHERE, NOWHERE, NOWHERE]);
  });

  it('maps a pattern\'s matches the same way', () => {
    expect([...table.fieldsMatching(/\bda\w+/g)]).toEqual([2, 1, NOWHERE, 0]);
  });
});
