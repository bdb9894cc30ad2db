import { defaultLayout, type Layout, parseLayout } from '@chainops/treasury'
import { readTextFile } from './readTextFile.ts'

/** `--layout F` (a layout JSON, defaults filled in) or the source's default layout. */
export function readLayoutOption(path: unknown): Layout {
  return typeof path === 'string' ? parseLayout(readTextFile(path, '--layout')) : defaultLayout()
}
