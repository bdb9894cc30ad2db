/**
 * A path for an error message: shown when it reads as a derivation path (`m/` and levels of at
 * most 10 digits), otherwise only its type and length, since a mix-up may have put a secret there.
 */
export function describePath(path: unknown): string {
  if (typeof path !== 'string') return typeof path
  if (path.length <= 80 && /^m(\/\d{1,10}'?)*\/?$/.test(path)) return JSON.stringify(path)
  return `a string of ${path.length} characters that is not a derivation path`
}
