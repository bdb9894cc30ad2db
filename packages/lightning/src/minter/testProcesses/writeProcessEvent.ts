/**
 * Writes one event of a test process as a JSON line on stdout (bigints as decimal strings): the
 * protocol spawnMinterProcess reads. Pass `at: Date.now()` in the event where the test times it.
 */
export function writeProcessEvent(event: Record<string, unknown>): void {
  process.stdout.write(
    `${JSON.stringify(event, (_, value) => (typeof value === 'bigint' ? value.toString() : value))}\n`,
  )
}
