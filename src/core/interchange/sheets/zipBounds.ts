/**
 * The guard in front of the XLSX reader: an XLSX file is a zip archive, and a zip can declare
 * small parts that inflate to gigabytes (a zip bomb), or hold a million rows in a few kilobytes.
 * Before the workbook library sees the file, its directory is read (names and declared sizes,
 * nothing inflated) and checked against the limits; then every part is inflated as a stream,
 * counting, and the reading stops at the first part that gives more than it declared or than the
 * limits allow. The rows of each worksheet are counted on the way (the `<row` tags), so a sheet
 * with too many is refused before any of it is parsed. fflate reads the archive.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Parts in the archive. */
  readonly maxEntries: number;
  /** Bytes of one part, inflated. */
  readonly maxEntryBytes: number;
  /** Bytes of all parts, inflated. */
  readonly maxTotalBytes: number;
  /** Rows of one worksheet. */
  readonly maxRows: number;
}

/** Inflated compressed bytes are fed this much at a time: a part that lies is stopped within one chunk's worth of output. */
const CHUNK_BYTES = 64 * 1024;
const MIB = 1024 * 1024;
const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77]; // "<row"

const mib = (bytes: number) => `${(bytes / MIB).toFixed(bytes < MIB ? 2 : 0)} MiB`;

/** Undefined when the archive stays within the limits; else why not, in a sentence. */
export function zipRefusal(bytes: Uint8Array, limits: ZipLimits): string | undefined {
  const declared = new Map<string, number>();
  let total = 0;
  let directoryRefusal: string | undefined;
  try {
    // A filter that takes nothing reads the directory alone.
    unzipSync(bytes, {
      filter: (file) => {
        if (directoryRefusal) return false;
        total += file.originalSize;
        if (declared.size >= limits.maxEntries) directoryRefusal = `it holds more than ${limits.maxEntries} parts`;
        else if (file.originalSize > limits.maxEntryBytes) directoryRefusal = `its part ${file.name} declares ${mib(file.originalSize)} (at most ${mib(limits.maxEntryBytes)})`;
        else if (total > limits.maxTotalBytes) directoryRefusal = `its parts declare more than ${mib(limits.maxTotalBytes)} in all`;
        declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch (error) {
    return `it is not a readable zip archive, as XLSX files are (${(error as Error).message})`;
  }
  if (directoryRefusal) return directoryRefusal;

  let refusal: string | undefined;
  const unzip = new Unzip((file) => {
    const limit = declared.get(file.name);
    if (limit === undefined) {
      refusal = `its part ${file.name} is missing from the archive's directory`;
      return;
    }
    const isWorksheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(file.name);
    let size = 0;
    let rows = 0;
    let matched = 0;
    file.ondata = (error, chunk) => {
      if (refusal) return;
      if (error) {
        refusal = `its part ${file.name} cannot be inflated (${error.message})`;
        return;
      }
      size += chunk.length;
      if (size > limit) {
        refusal = `its part ${file.name} inflates to more than the ${mib(limit)} it declares`;
        file.terminate();
        return;
      }
      if (!isWorksheet) return;
      for (let i = 0; i < chunk.length; i++) {
        matched = chunk[i] === ROW_TAG[matched] ? matched + 1 : chunk[i] === ROW_TAG[0] ? 1 : 0;
        if (matched === ROW_TAG.length) {
          matched = 0;
          if (++rows > limits.maxRows) {
            refusal = `its sheet ${file.name.replace(/^.*\//, '')} has more than ${limits.maxRows.toLocaleString('en-US')} rows`;
            file.terminate();
            return;
          }
        }
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += CHUNK_BYTES) unzip.push(bytes.subarray(offset, offset + CHUNK_BYTES), offset + CHUNK_BYTES >= bytes.length);
  } catch (error) {
    return refusal ?? `it is not a readable zip archive, as XLSX files are (${(error as Error).message})`;
  }
  return refusal;
}
