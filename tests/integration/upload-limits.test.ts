import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withImportLock } from '../../lib/imports/lock';
import { MAX_IMPORT_ROWS, PARSE_THREADS, readSheet, type Sheet } from '../../lib/imports/sheet';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { manyRowsXlsx, sharedStringsBomb, VILLAGE_HEADERS } from '../helpers/hostile-files';
import { normalise, referenceRows, varietyWorkbook } from '../helpers/sheet-reference';

// An upload cannot take the server down: the sheet is read in a worker thread,
// while unpacking, and refused at the first limit passed.

const csv = (rows: (string | number)[][]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n'));
const asRows = (sheet: Sheet | string) => (typeof sheet === 'string' ? sheet : normalise([sheet.headers, ...sheet.rows]));
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

async function timed<T>(work: Promise<T>) {
  const started = performance.now();
  const value = await work;
  return { value, ms: Math.round(performance.now() - started) };
}

describe('reading ordinary files', () => {
  it('gives what ExcelJS gave: dates, formula results, rich text, merged cells, hyperlinks, gaps, the first sheet only', async () => {
    const file = await varietyWorkbook();
    const expected = await referenceRows(file);
    expect(expected[1]).toEqual(['测试区', '甲片区', '甲一村', '1500', '2024-03-15', '前后空格']);
    expect(asRows(await readSheet(file))).toEqual(expected);
  });

  it('reads a CSV as before, and a sheet with exactly the row limit (trailing blank rows are not rows)', async () => {
    expect(await readSheet(csv([[' 区 ', '村'], ['测试区', ' "甲一村" '], ['', '']]))).toEqual({ headers: ['区', '村'], rows: [['测试区', '甲一村']], sheet: null });
    const rows: (string | number)[][] = [VILLAGE_HEADERS];
    for (let i = 0; i < MAX_IMPORT_ROWS; i++) rows.push(['测试区', '甲片区', `村${i}`, i, '', 2024, 1]);
    for (let i = 0; i < 5; i++) rows.push(['', '', '', '', '', '', '']);
    const atLimit = await readSheet(csv(rows));
    expect(typeof atLimit !== 'string' && atLimit.rows.length).toBe(MAX_IMPORT_ROWS);
    rows.splice(rows.length - 5, 0, ['测试区', '甲片区', '多一村', 1, '', 2024, 1]);
    expect(await readSheet(csv(rows))).toBe('tooManyRows');
  });
});

describe('hostile files', () => {
  it('refuses the shared-strings bomb (15 million strings, 255 MB unpacked) within 5 s, the process staying small', async () => {
    const bomb = await sharedStringsBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const { value, ms } = await timed(readSheet(bomb));
    console.log(`shared-strings bomb (${(bomb.length / 2 ** 20).toFixed(2)} MB): ${value} in ${ms} ms; test process peak RSS ${maxRssMb().toFixed(0)} MB`);
    expect(value).toBe('tooComplex');
    expect(ms).toBeLessThan(5_000);
    expect(maxRssMb()).toBeLessThan(1024);
    // Were the counts not there, the thread's heap limit would end it, not the process.
    expect(await readSheet(bomb, { heapMb: 16, maxSharedStrings: 1e9, maxUncompressedBytes: 1e9, timeoutMs: 30_000 })).toBe('tooComplex');
  }, 60_000);

  it('refuses a 400,000-row XLSX within 5 s, at row 50,001', async () => {
    const file = await manyRowsXlsx();
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    const { value, ms } = await timed(readSheet(file));
    console.log(`400,000-row XLSX (${(file.length / 2 ** 20).toFixed(2)} MB): ${value} in ${ms} ms; test process peak RSS ${maxRssMb().toFixed(0)} MB`);
    expect(value).toBe('tooManyRows');
    expect(ms).toBeLessThan(5_000);

    // The deadline, on the same file.
    expect(await readSheet(file, { timeoutMs: 50 })).toBe('timeout');
    // A few readers per process; one more is told the server is busy.
    const all = await Promise.all(Array.from({ length: PARSE_THREADS + 1 }, () => readSheet(file)));
    expect(all.filter((r) => r === 'busy')).toHaveLength(1);
    expect(all.filter((r) => r === 'tooManyRows')).toHaveLength(PARSE_THREADS);
  }, 120_000);

  it('refuses too many columns, cells, shared strings and unpacked bytes', async () => {
    const wide = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect(await readSheet(csv([wide, wide]))).toBe('tooManyColumns');
    expect(asRows(await readSheet(csv([[...wide.slice(0, 5), ...Array(200).fill('')], ['a']])))).toEqual([wide.slice(0, 5), ['a']]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    sheet.addRow(['区', '村']);
    sheet.getCell('CZ2').value = 'far'; // column 104
    expect(await readSheet(Buffer.from(await book.xlsx.writeBuffer()))).toBe('tooManyColumns');
    expect(await readSheet(csv([['a', 'b'], ['1', '2'], ['3', '4']]), { maxCells: 5 })).toBe('tooManyCells');
    const smallBomb = await sharedStringsBomb(200_000);
    expect(await readSheet(smallBomb, { maxSharedStrings: 100_000 })).toBe('tooComplex');
    // One that says it holds one string is counted all the same.
    expect(await readSheet(await sharedStringsBomb(200_000, 1), { maxSharedStrings: 100_000 })).toBe('tooComplex');
    expect(await readSheet(await sharedStringsBomb(15_000_000, 1))).toBe('tooComplex');
    expect(await readSheet(smallBomb, { maxUncompressedBytes: 1024 * 1024 })).toBe('tooComplex');
    expect(await readSheet(smallBomb)).toEqual({ headers: ['x'], rows: [['x']], sheet: 'data' });
    // A CSV of 10 MB of line breaks: refused at row 50,001, not after parsing five million.
    const { value, ms } = await timed(readSheet(Buffer.from('a\n'.repeat(5 * 1024 * 1024 - 10))));
    expect(value).toBe('tooManyRows');
    expect(ms).toBeLessThan(5_000);
  }, 60_000);
});

describe('one import per user', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('holds across connections (and so across server processes) and lets go when the import ends, even if it failed', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = withImportLock(7, async () => {
      entered();
      await held;
      return 'first';
    });
    await inside;
    expect(await withImportLock(7, async () => 'second')).toBeNull();
    expect(await withImportLock(8, async () => 'other user')).toEqual({ value: 'other user' });
    release();
    expect(await first).toEqual({ value: 'first' });
    await expect(withImportLock(7, async () => Promise.reject(new Error('broken import')))).rejects.toThrow('broken import');
    expect(await withImportLock(7, async () => 'again')).toEqual({ value: 'again' });
  });
});
