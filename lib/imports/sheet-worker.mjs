// The thread that reads an uploaded spreadsheet (lib/imports/sheet.ts starts it
// with hard memory and time limits). It reads the XLSX's zip entries while
// inflating them and the CSV's records one by one, and stops as soon as a
// limit is passed: rows, columns, cells, shared strings, unpacked bytes.
// Plain JavaScript with no local imports, so that Node runs it as it is under
// tsx and vitest, and Turbopack bundles it for the production build.
//
// Cell values follow what ExcelJS's Workbook.xlsx.load gave before (see
// tests/integration/upload-limits.test.ts): dates from date-formatted numbers
// as yyyy-mm-dd, percent-formatted numbers as "35%", formula results, rich text joined, merged cells repeating the
// top-left cell, booleans as true/false. An error cell (#DIV/0!) and a formula
// without a cached result are never blank: they come as CELL_ERROR + '#DIV/0!'
// and CELL_NO_RESULT + its formula, for the check to refuse by row and column.
//
// The sheet read is the first visible one that is no instructions sheet
// (说明, 填表说明, Instructions…); its name comes back with the rows.
// CSV comes in UTF-8 (with or without BOM), UTF-16 (BOM, or none) or, from
// Chinese Excel and WPS, GB18030/GBK: decoded by the platform's WHATWG
// TextDecoder (ICU's tables), strict, so binary content is still refused.
// Tab-separated text (Excel's "Unicode 文本") is read too. An old Excel
// workbook (.xls, .et: OLE compound file) is refused as 'xls'.
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { SaxesParser } from 'saxes';

// Markers no cell can hold (XML cannot carry U+0000, and CSV with it is refused as binary).
const CELL_ERROR = '\u0000E';
const CELL_NO_RESULT = '\u0000F';

class Refused extends Error {
  /** @param {string} reason a SheetError */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** Rows as they come, blank trailing rows dropped, refused as soon as a limit is passed. */
class Rows {
  constructor(limits) {
    this.limits = limits;
    /** @type {string[][]} */
    this.rows = [];
    this.blank = 0; // blank rows seen since the last row with a value: kept only if one follows
    this.cells = 0;
  }
  /** The row at 0-based `index` (rows in between are blank). */
  put(index, cells) {
    const at = this.rows.length + this.blank;
    if (index > at) this.blank += index - at;
    this.add(cells);
  }
  add(cells) {
    let filled = 0;
    for (const c of cells) if (c !== undefined && c !== '') filled++;
    if (filled === 0) {
      this.blank++;
      return;
    }
    // The first row holds the headers; more than maxRows below it is too many.
    if (this.rows.length + this.blank > this.limits.maxRows) throw new Refused('tooManyRows');
    this.cells += filled;
    if (this.cells > this.limits.maxCells) throw new Refused('tooManyCells');
    for (; this.blank > 0; this.blank--) this.rows.push([]);
    this.rows.push(cells);
  }
}

// ---------------------------------------------------------------- CSV

/** The text of a CSV's bytes, or null when they are no text in an encoding offices use. */
function decodeText(bytes) {
  const strict = (encoding, from = 0) => {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', 2);
  // UTF-16 without a BOM: ASCII (digits, commas, line ends) leaves every other byte zero.
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.05) return strict('utf-16le');
  if (evenZeros > half * 0.3 && oddZeros < half * 0.05) return strict('utf-16be');
  // Valid UTF-8 is UTF-8; anything else from a Chinese office is GB18030 (a superset of GBK and GB2312).
  return strict('utf-8') ?? strict('gb18030');
}

async function readCsv(bytes, limits) {
  const text = decodeText(bytes);
  // Binary content (images, archives, documents) is not CSV.
  if (text === null || /[\x00-\x08\x0E-\x1F]/.test(text.slice(0, 4096))) return 'notSpreadsheet';
  // Tab-separated when the first line has tabs and no commas.
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows = new Rows(limits);
  const parser = parseCsv({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: true, max_record_size: 1 << 20 });
  const done = new Promise((resolve, reject) => {
    parser.on('readable', () => {
      try {
        let record;
        while ((record = parser.read()) !== null) {
          if (record.length > limits.maxColumns) {
            if (record.slice(limits.maxColumns).some((c) => c !== '')) throw new Refused('tooManyColumns');
            record.length = limits.maxColumns;
          }
          rows.add(record);
        }
      } catch (error) {
        parser.destroy();
        reject(error);
      }
    });
    parser.on('error', (error) => reject(error?.code === 'CSV_MAX_RECORD_SIZE' ? new Refused('tooComplex') : new Refused('notSpreadsheet')));
    parser.on('end', resolve);
  });
  // Fed in pieces, so that a refusal stops the parse early.
  const piece = 256 * 1024;
  (async () => {
    for (let i = 0; i < text.length && !parser.destroyed; i += piece) {
      if (!parser.write(text.slice(i, i + piece))) await new Promise((r) => parser.once('drain', r));
    }
    if (!parser.destroyed) parser.end();
  })().catch(() => {});
  await done;
  return rows.rows;
}

// ---------------------------------------------------------------- zip

/** The central directory: name → where its data is. Sizes in it are not trusted. */
function zipEntries(buf) {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused('notSpreadsheet');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count > 10_000) throw new Refused('tooComplex');
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Refused('notSpreadsheet');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name.replace(/^\//, ''), { method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Feeds an entry's text to `onText` while inflating it, counting every unpacked byte against the limit. */
async function inflateEntry(buf, entry, budget, onText) {
  const { localOffset, compressedSize, method } = entry;
  if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== 0x04034b50) throw new Refused('notSpreadsheet');
  const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
  const data = buf.subarray(start, start + compressedSize);
  const decoder = new TextDecoder('utf-8');
  const take = (chunk) => {
    budget.left -= chunk.length;
    if (budget.left < 0) throw new Refused('tooComplex');
    return onText(decoder.decode(chunk, { stream: true }));
  };
  if (method === 0) {
    take(data);
    return;
  }
  if (method !== 8) throw new Refused('notSpreadsheet');
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate) if (take(chunk) === false) break;
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('notSpreadsheet');
  } finally {
    inflate.destroy();
  }
}

/** A SAX parser over one entry; `handlers` get saxes' events. Returning false from onText stops early. */
async function parseXml(buf, entries, name, budget, handlers) {
  const entry = entries.get(name);
  if (!entry) return false;
  const parser = new SaxesParser({ position: false });
  let stop = false;
  if (handlers.open) parser.on('opentag', (node) => (stop = handlers.open(node) === false || stop));
  if (handlers.close) parser.on('closetag', (node) => handlers.close(node));
  if (handlers.text) parser.on('text', (text) => handlers.text(text));
  parser.on('error', () => {
    throw new Refused('notSpreadsheet');
  });
  await inflateEntry(buf, entry, budget, (text) => {
    parser.write(text);
    return !stop;
  });
  if (!stop) parser.close();
  return true;
}

// ---------------------------------------------------------------- XLSX

// ExcelJS's default number formats that have a format code (defaultnumformats.js).
const DEFAULT_FORMATS = {
  9: '0%', 10: '0.00%',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};
/** A number format that shows a percentage ("0%", "0.0%"): the cell's 0.35 is read as "35%". */
const isPercentFormat = (code) => Boolean(code) && /%/.test(code.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
const isDateFormat = (code) => Boolean(code) && /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
const local = (name) => name.slice(name.indexOf(':') + 1);
const decodeEscapes = (text) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
const xmlDecode = (text) =>
  text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);

function dateText(serial, date1904) {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** Column number (1-based) of a cell reference like "AB12". */
function columnOf(ref) {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}
const rowOf = (ref) => parseInt(ref.replace(/^[A-Z]+/, ''), 10);

async function scanSheet(buf, entry, limits) {
  if (!entry) return;
  const tag = /<row\b([^>]*)>|<(?:v|t)(?:\s[^>]*)?>[^<]/g;
  let index = -1;
  let values = 0;
  let carry = '';
  await inflateEntry(buf, entry, { left: limits.maxUncompressedBytes }, (text) => {
    const chunk = carry + text;
    const cut = chunk.lastIndexOf('<'); // a tag may go on in the next piece
    const body = cut >= 0 ? chunk.slice(0, cut) : chunk;
    carry = cut >= 0 ? chunk.slice(cut) : '';
    if (carry.length > 1 << 20) return false; // a very long text: the full read decides
    tag.lastIndex = 0;
    for (let m; (m = tag.exec(body)); ) {
      if (m[1] !== undefined) {
        const r = /\sr="(\d+)"/.exec(m[1]);
        index = r ? Number(r[1]) - 1 : index + 1;
      } else {
        if (index > limits.maxRows) throw new Refused('tooManyRows');
        if (++values > limits.maxCells) throw new Refused('tooManyCells');
      }
    }
  });
}

async function readXlsx(buf, limits) {
  const entries = zipEntries(buf);
  const budget = { left: limits.maxUncompressedBytes };

  // Which sheet holds the data: the first visible one that is no instructions sheet (else the first), and its file.
  const sheets = [];
  let date1904 = false;
  await parseXml(buf, entries, 'xl/workbook.xml', budget, {
    open(node) {
      const name = local(node.name);
      if (name === 'workbookPr') date1904 = node.attributes.date1904 === '1';
      if (name === 'sheet' && sheets.length < 1000) {
        const rel = Object.entries(node.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1] ?? null;
        sheets.push({ name: xmlDecode(node.attributes.name ?? ''), rel, hidden: Boolean(node.attributes.state && node.attributes.state !== 'visible') });
      }
    },
  });
  if (!entries.has('xl/workbook.xml')) throw new Refused('notSpreadsheet');
  const notes = /说明|须知|填报要求|注意事项|instruction|readme|选项|下拉|choices/i;
  const chosen = sheets.find((sh) => !sh.hidden && !notes.test(sh.name)) ?? sheets[0] ?? null;
  const firstSheetRel = chosen?.rel ?? null;
  let sheetPath = 'xl/worksheets/sheet1.xml';
  if (firstSheetRel) {
    await parseXml(buf, entries, 'xl/_rels/workbook.xml.rels', budget, {
      open(node) {
        if (local(node.name) === 'Relationship' && node.attributes.Id === firstSheetRel) {
          const target = node.attributes.Target ?? '';
          sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
          return false;
        }
      },
    });
  }

  // Styles: which cell formats show numbers as dates.
  const formats = new Map();
  const dateStyles = new Set();
  const percentStyles = new Set();
  let inCellXfs = false;
  let xf = 0;
  await parseXml(buf, entries, 'xl/styles.xml', budget, {
    open(node) {
      const name = local(node.name);
      if (name === 'numFmt') formats.set(Number(node.attributes.numFmtId), node.attributes.formatCode);
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(node.attributes.numFmtId);
        const code = formats.get(id) ?? DEFAULT_FORMATS[id];
        if (id && isDateFormat(code)) dateStyles.add(xf);
        else if (id && isPercentFormat(code)) percentStyles.add(xf);
        xf++;
      }
    },
    close(node) {
      if (local(node.name) === 'cellXfs') inCellXfs = false;
    },
  });

  // Shared strings: first counted while they unpack (a quick scan, so that a bomb of millions is
  // refused in a fraction of a second), then read.
  if (entries.has('xl/sharedStrings.xml')) {
    let count = 0;
    let carry = '';
    await inflateEntry(buf, entries.get('xl/sharedStrings.xml'), { left: limits.maxUncompressedBytes }, (text) => {
      const chunk = carry + text;
      // What the file says of itself can refuse it at once (a file that lies is counted below).
      if (carry === '' && count === 0) {
        const declared = /<sst\b[^>]*\suniqueCount="(\d+)"/.exec(chunk.slice(0, 4096));
        if (declared && Number(declared[1]) > limits.maxSharedStrings) throw new Refused('tooComplex');
      }
      for (let i = chunk.indexOf('<si'); i >= 0 && i + 3 < chunk.length; i = chunk.indexOf('<si', i + 3)) {
        const next = chunk.charCodeAt(i + 3); // <si>, <si/> or <si attr…>, not <sit…>
        if ((next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) && ++count > limits.maxSharedStrings) {
          throw new Refused('tooComplex');
        }
      }
      carry = chunk.slice(-3);
    });
  }
  // Shared strings, read.
  /** @type {(string | {rich: string})[]} */
  const strings = [];
  {
    let si = null; // the item being read: text of <t> outside runs, and of runs
    let runs = null;
    let depth = 0; // inside <rPh> (phonetic guide, ignored) when > 0
    let inT = false;
    let inRun = false;
    await parseXml(buf, entries, 'xl/sharedStrings.xml', budget, {
      open(node) {
        const name = local(node.name);
        if (name === 'si') {
          if (strings.length >= limits.maxSharedStrings) throw new Refused('tooComplex');
          si = null;
          runs = null;
        } else if (name === 'rPh') depth++;
        else if (name === 'r' && depth === 0) {
          inRun = true;
          runs ??= [];
          runs.push('');
        } else if (name === 't' && depth === 0) {
          inT = true;
          if (!inRun) si = '';
        }
      },
      text(text) {
        if (!inT || depth > 0) return;
        if (inRun) runs[runs.length - 1] += text;
        else si += text;
      },
      close(node) {
        const name = local(node.name);
        if (name === 'si') strings.push(runs ? { rich: runs.map(decodeEscapes).join('') } : si === null ? '' : decodeEscapes(si));
        else if (name === 'rPh') depth--;
        else if (name === 'r') inRun = false;
        else if (name === 't') inT = false;
      },
    });
  }

  // The sheet: first a quick scan while it unpacks, so that a file of far too many rows or cells
  // is refused in a fraction of a second (a value past row 50,001, or more values than cells allowed),
  await scanSheet(buf, entries.get(sheetPath), limits);
  // then row by row.
  const rows = new Rows(limits);
  const merges = [];
  let row = null; // cells of the row being read
  let rowIndex = -1;
  let cell = null;
  let node = ''; // 'v', 'f', 't' (inline) or '' while reading a cell
  let nextColumn = 1;
  /** A number as its cell shows it: a date, a percentage (float noise rounded off), or the number. */
  const numberText = (n, style) => {
    if (style && dateStyles.has(style)) return dateText(n, date1904);
    if (style && percentStyles.has(style)) return `${Number((n * 100).toPrecision(12))}%`;
    return String(n);
  };
  const textOf = (c) => {
    const { t, v } = c;
    if (c.formula) {
      if (!v) return CELL_NO_RESULT + (c.f ? `=${xmlDecode(c.f)}` : '');
      if (t === 'str') return xmlDecode(v).trim();
      if (t === 'b') return String(parseInt(v, 10) !== 0);
      if (t === 'e') return CELL_ERROR + xmlDecode(v).trim();
      return numberText(parseFloat(v), c.s);
    }
    if (c.rich) return c.rich.join('');
    if (v === undefined) return '';
    switch (t) {
      case 's': {
        const s = strings[parseInt(v, 10)];
        return s === undefined ? '' : typeof s === 'string' ? s.trim() : s.rich;
      }
      case 'str':
        return xmlDecode(v).trim();
      case 'inlineStr':
        return v.trim();
      case 'b':
        return String(parseInt(v, 10) !== 0);
      case 'e':
        return CELL_ERROR + xmlDecode(v ?? '').trim();
      default: {
        return numberText(parseFloat(v), c.s);
      }
    }
  };
  let inRich = false;
  let richT = false;
  const found = await parseXml(buf, entries, sheetPath, budget, {
    open(el) {
      const name = local(el.name);
      const a = el.attributes;
      switch (name) {
        case 'row':
          rowIndex = a.r ? parseInt(a.r, 10) - 1 : rowIndex + 1;
          if (!(rowIndex >= 0)) throw new Refused('notSpreadsheet');
          row = [];
          nextColumn = 1;
          break;
        case 'c':
          cell = { column: a.r ? columnOf(a.r) : nextColumn, t: a.t, s: a.s ? parseInt(a.s, 10) : undefined, v: undefined, f: '', formula: false, rich: null };
          nextColumn = cell.column + 1;
          break;
        case 'f':
          if (cell) {
            node = 'f';
            if (a.t) cell.formula = true;
          }
          break;
        case 'v':
          if (cell) node = 'v';
          break;
        case 'r':
          if (cell) {
            inRich = true;
            (cell.rich ??= []).push('');
          }
          break;
        case 't':
          if (cell) {
            if (inRich) richT = true;
            else node = 't';
          }
          break;
        case 'mergeCell':
          if (a.ref?.includes(':')) merges.push(a.ref);
          break;
      }
    },
    text(text) {
      if (!cell) return;
      if (richT) cell.rich[cell.rich.length - 1] += text;
      else if (node === 'f') {
        cell.formula = true;
        if (cell.f.length < 200) cell.f += text;
      }
      else if (node === 'v' || node === 't') cell.v = (cell.v ?? '') + text;
    },
    close(el) {
      const name = local(el.name);
      if (name === 'c' && cell && row) {
        const text = textOf(cell);
        if (text !== '') {
          if (cell.column > limits.maxColumns) throw new Refused('tooManyColumns');
          row[cell.column - 1] = text;
        }
        cell = null;
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.length; i++) row[i] ??= '';
        rows.put(rowIndex, row);
        row = null;
      } else if (name === 'r') inRich = false;
      else if (name === 't') richT = false;
      else if (name === 'v' || name === 'f' || name === 'is') node = '';
    },
  });
  if (!found) throw new Refused('notSpreadsheet');

  // Merged cells repeat their top-left cell's value (as ExcelJS gives them).
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const top = rowOf(from) - 1;
    const left = columnOf(from) - 1;
    let bottom = rowOf(to) - 1;
    const right = Math.min(columnOf(to) - 1, limits.maxColumns - 1);
    if (!(top >= 0 && bottom >= top && left >= 0 && right >= left)) continue;
    const value = rows.rows[top]?.[left] ?? '';
    if (value === '') bottom = Math.min(bottom, rows.rows.length - 1);
    else if (bottom > limits.maxRows) throw new Refused('tooManyRows');
    while (rows.rows.length <= bottom) rows.rows.push([]);
    for (let r = top; r <= bottom; r++) {
      const cells = rows.rows[r];
      for (let c = left; c <= right; c++) {
        if (value !== '' && (cells[c] === undefined || cells[c] === '') && ++rows.cells > limits.maxCells) throw new Refused('tooManyCells');
        cells[c] = value;
      }
      for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    }
  }
  while (rows.rows.length && rows.rows.at(-1).every((c) => c === '')) rows.rows.pop();
  return { rows: rows.rows, sheet: chosen?.name ?? null };
}

// ---------------------------------------------------------------- main

const isZip = (b) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// An OLE compound file: Excel 97–2003 (.xls) or WPS (.et) workbooks.
const isOle = (b) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

async function main() {
  const { bytes, limits } = workerData;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (isOle(buf)) return { error: 'xls' };
    const read = isZip(buf) ? await readXlsx(buf, limits) : { rows: await readCsv(buf, limits), sheet: null };
    if (typeof read.rows === 'string') return { error: read.rows };
    return read;
  } catch (error) {
    if (error instanceof Refused) return { error: error.reason };
    return { error: 'notSpreadsheet' };
  }
}

parentPort?.postMessage(await main());
