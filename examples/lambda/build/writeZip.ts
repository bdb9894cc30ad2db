import { open, readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import { ChainopsError } from '@chainops/core'

export type WriteZipReturnType = {
  /** Files in the archive. */
  files: number
  /** Their total size unpacked (Lambda's limit: 250 MB with layers). */
  unzippedBytes: number
  /** The archive's size (Lambda's limit for a direct upload: 50 MB). */
  zipBytes: number
}

// 1980-01-01 00:00 in DOS time: every entry gets it, so the same tree gives the same bytes.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const MAX_ENTRIES = 0xffff
const MAX_BYTES = 0xffffffff

/**
 * Writes every file under `dir` into a deflated .zip at `zipPath`, paths relative to `dir` with
 * `/` separators, sorted, with fixed timestamps (a reproducible archive) and Unix modes
 * world-readable (Lambda runs the code as another user than the one who packed it). Plain ZIP,
 * no ZIP64: a tree over 65,535 files or 4 GiB is refused (far above Lambda's own limits).
 */
export async function writeZip(dir: string, zipPath: string): Promise<WriteZipReturnType> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  if (paths.length > MAX_ENTRIES) throw tooLarge(`${paths.length} files`)
  const handle = await open(zipPath, 'w')
  const central: Buffer[] = []
  let offset = 0
  let unzippedBytes = 0
  try {
    for (const path of paths) {
      const name = Buffer.from(relative(dir, path).split(sep).join('/'), 'utf8')
      const data = await readFile(path)
      const executable = ((await stat(path)).mode & 0o111) !== 0
      const deflated = deflateRawSync(data, { level: 9 })
      // Stored when deflating does not help (e.g. an already compressed .wasm or .node).
      const method = deflated.length < data.length ? 8 : 0
      const body = method === 8 ? deflated : data
      const crc = crc32(data)
      unzippedBytes += data.length
      if (offset + body.length > MAX_BYTES) throw tooLarge(`more than ${MAX_BYTES} bytes`)

      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
      local.writeUInt16LE(0x0800, 6) // UTF-8 names
      local.writeUInt16LE(method, 8)
      local.writeUInt16LE(DOS_TIME, 10)
      local.writeUInt16LE(DOS_DATE, 12)
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(body.length, 18)
      local.writeUInt32LE(data.length, 22)
      local.writeUInt16LE(name.length, 26)
      local.writeUInt16LE(0, 28)
      await handle.write(Buffer.concat([local, name, body]))

      const entry = Buffer.alloc(46)
      entry.writeUInt32LE(0x02014b50, 0)
      entry.writeUInt16LE((3 << 8) | 20, 4) // made by: Unix, 2.0
      entry.writeUInt16LE(20, 6)
      entry.writeUInt16LE(0x0800, 8)
      entry.writeUInt16LE(method, 10)
      entry.writeUInt16LE(DOS_TIME, 12)
      entry.writeUInt16LE(DOS_DATE, 14)
      entry.writeUInt32LE(crc, 16)
      entry.writeUInt32LE(body.length, 20)
      entry.writeUInt32LE(data.length, 24)
      entry.writeUInt16LE(name.length, 28)
      // extra length 0, comment length 0, disk 0, internal attributes 0 (bytes 30-37)
      entry.writeUInt32LE(((executable ? 0o100755 : 0o100644) << 16) >>> 0, 38)
      entry.writeUInt32LE(offset, 42)
      central.push(entry, name)
      offset += local.length + name.length + body.length
    }
    const directory = Buffer.concat(central)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(paths.length, 8)
    end.writeUInt16LE(paths.length, 10)
    end.writeUInt32LE(directory.length, 12)
    end.writeUInt32LE(offset, 16)
    await handle.write(Buffer.concat([directory, end]))
    return { files: paths.length, unzippedBytes, zipBytes: offset + directory.length + end.length }
  } finally {
    await handle.close()
  }
}

function tooLarge(details: string): ChainopsError {
  return new ChainopsError({
    code: 'LAMBDA_BUILD_ZIP_TOO_LARGE',
    shortMessage: 'The function layout is too large for a plain zip',
    details,
  })
}
