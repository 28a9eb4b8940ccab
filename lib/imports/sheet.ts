import { Worker } from 'node:worker_threads';

// Reading an uploaded spreadsheet (XLSX, or CSV in UTF-8, UTF-16 or GB18030) into header + rows of
// strings, with limits, and telling a spreadsheet from anything else.
//
// The reading runs in a worker thread (sheet-worker.mjs) with a hard heap limit
// and a deadline: it reads while unpacking and stops at the first limit passed,
// and a file that would still take too much memory or time ends its thread, not
// the server. A few threads at a time per process; beyond that, 'busy'.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
export const MAX_IMPORT_COLUMNS = 100;
/** Cells with a value; 50,000 rows of 20 columns. */
export const MAX_IMPORT_CELLS = 1_000_000;
/** A sheet cannot use more distinct strings than it has cells. */
export const MAX_SHARED_STRINGS = MAX_IMPORT_CELLS;
/** Bytes unpacked from the XLSX's zip, counted while inflating (the sizes it declares are not trusted). */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const PARSE_TIMEOUT_MS = 4_000;
export const PARSE_HEAP_MB = 256;
/** Sheets read at once by one server process. */
export const PARSE_THREADS = Math.max(1, Number(process.env.PORTAL_IMPORT_THREADS) || 2);

/** The sheet's first row and the rows below it; `sheet` names the workbook's sheet read (null for CSV). */
export type Sheet = { headers: string[]; rows: string[][]; sheet?: string | null };

/** How the reader gives a cell it cannot give a value for: an error (#DIV/0!) or a formula without a cached result. */
export const CELL_ERROR = '\u0000E';
export const CELL_NO_RESULT = '\u0000F';
export type SheetError =
  | 'empty'
  | 'tooLarge'
  | 'tooManyRows'
  | 'tooManyColumns'
  | 'tooManyCells'
  /** Too many shared strings, too many bytes once unpacked, or over the thread's memory. */
  | 'tooComplex'
  | 'timeout'
  /** This process already reads PARSE_THREADS sheets. */
  | 'busy'
  /** An Excel 97–2003 (.xls) or WPS (.et) workbook: to be saved as .xlsx. */
  | 'xls'
  | 'notSpreadsheet';

export type SheetLimits = {
  maxRows: number;
  maxColumns: number;
  maxCells: number;
  maxSharedStrings: number;
  maxUncompressedBytes: number;
};
export type ReadSheetOptions = Partial<SheetLimits> & { timeoutMs?: number; heapMb?: number };

const DEFAULT_LIMITS: SheetLimits = {
  maxRows: MAX_IMPORT_ROWS,
  maxColumns: MAX_IMPORT_COLUMNS,
  maxCells: MAX_IMPORT_CELLS,
  maxSharedStrings: MAX_SHARED_STRINGS,
  maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES,
};

let reading = 0;

/** Whether this process would start reading another sheet now. */
export function sheetReaderAvailable() {
  return reading < PARSE_THREADS;
}

type WorkerAnswer = { rows: string[][]; sheet: string | null } | { error: SheetError };

function readInWorker(bytes: Buffer, limits: SheetLimits, timeoutMs: number, heapMb: number): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    // A literal new URL(…, import.meta.url): Turbopack bundles the worker for the production build.
    const copy = new Uint8Array(bytes); // handed over to the thread, not copied again
    const worker = new Worker(new URL('./sheet-worker.mjs', import.meta.url), {
      workerData: { bytes: copy, limits },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (answer: WorkerAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
      void worker.terminate();
    };
    const deadline = setTimeout(() => settle({ error: 'timeout' }), timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => settle(answer));
    worker.once('error', (error: Error & { code?: string }) => {
      // Over its heap: the thread ends, the server goes on. Anything else is a fault of ours.
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { error: 'tooComplex' } : error);
    });
    worker.once('exit', (code) => settle(code === 0 ? new Error('The sheet reader ended without an answer') : { error: 'tooComplex' }));
  });
}

/** The data sheet of an XLSX (the first visible one that is no instructions sheet) or a CSV file, or the reason it cannot be read. */
export async function readSheet(bytes: Buffer, options: ReadSheetOptions = {}): Promise<Sheet | SheetError> {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_IMPORT_BYTES) return 'tooLarge';
  if (!sheetReaderAvailable()) return 'busy';
  const { timeoutMs = PARSE_TIMEOUT_MS, heapMb = PARSE_HEAP_MB, ...limits } = options;
  reading++;
  let answer: WorkerAnswer;
  try {
    answer = await readInWorker(bytes, { ...DEFAULT_LIMITS, ...limits }, timeoutMs, heapMb);
  } finally {
    reading--;
  }
  if ('error' in answer) return answer.error;
  // The reader drops trailing blank rows.
  const rows = answer.rows;
  if (rows.length < 2) return 'empty';
  const [headers, ...body] = rows;
  return { headers: headers!.map((h) => h.trim()), rows: body, sheet: answer.sheet };
}
