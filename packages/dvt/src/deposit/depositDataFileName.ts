/** `deposit_data-<unix seconds>.json`, the name ethstaker-deposit gives the file (now, unless a time is given). */
export function depositDataFileName(time: Date = new Date()): string {
  return `deposit_data-${Math.floor(time.getTime() / 1000)}.json`
}
