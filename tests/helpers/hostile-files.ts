import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

// Uploads built to hurt a server: a tiny XLSX whose shared strings unpack to
// hundreds of megabytes, and an XLSX of far more rows than an import allows.
// Used by the upload tests and by `npm run bench -- --uploads`.

type ZipEntry = { name: string; data: Buffer; crc: number; size: number };

/** A zip of already-deflated entries (method 8). */
function zip(entries: ZipEntry[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const small = (name: string, text: string): ZipEntry => {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
};

/** An entry made of `times` repeats of `piece`, deflated as a stream (never whole in memory). */
async function repeated(name: string, head: string, piece: string, times: number, tail: string): Promise<ZipEntry> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(head));
  const batch = 100_000;
  const chunk = Buffer.from(piece.repeat(batch));
  for (let i = 0; i < times; i += batch) await write(i + batch <= times ? chunk : Buffer.from(piece.repeat(times - i)));
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>`;

/** A valid XLSX (about 0.6 MB) whose sharedStrings.xml holds `count` strings `<si><t>x</t></si>` (15 million: 255 MB unpacked), saying it holds `declared`. */
export async function sharedStringsBomb(count = 15_000_000, declared = count) {
  const strings = await repeated(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${declared}" uniqueCount="${declared}">`,
    '<si><t>x</t></si>',
    count,
    '</sst>',
  );
  // The shared strings first, as a hostile file would have them.
  return zip([small('[Content_Types].xml', CONTENT_TYPES), small('_rels/.rels', RELS), small('xl/workbook.xml', WORKBOOK), small('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), strings, small('xl/worksheets/sheet1.xml', SHEET)]);
}

export const VILLAGE_HEADERS = ['区', '片区', '村', '人口', '户数', '年份', '村集体经济收入（元）'];

/** An XLSX of `rows` village rows (400,000: about 9.5 MB), written with ExcelJS's streaming writer. */
export async function manyRowsXlsx(rows = 400_000) {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false, zip: { zlib: { level: 9 } } });
  const sheet = book.addWorksheet('data');
  sheet.addRow(VILLAGE_HEADERS).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(['测试区', '甲片区', '甲一村', 1500, 480, 2024, 410000]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
