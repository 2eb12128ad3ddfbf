import { describe, expect, it } from 'vitest';
import { count } from './count';

describe('count', () => {
  it('says one or many, with the number written 1,234', () => {
    expect(count(1, 'nFilesOne', 'nFilesMany')).toBe('1 file');
    expect(count(0, 'nFilesOne', 'nFilesMany')).toBe('0 files');
    expect(count(5331, 'nRecordsOne', 'nRecordsMany')).toBe('5,331 records');
  });
});
