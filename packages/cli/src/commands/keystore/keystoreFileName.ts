/** The deposit CLI's keystore file name: `keystore-m_12381_3600_<i>_0_0-<unix seconds>.json`. */
export function keystoreFileName(path: string, unixSeconds: number): string {
  return `keystore-${path.replaceAll('/', '_')}-${unixSeconds}.json`
}
