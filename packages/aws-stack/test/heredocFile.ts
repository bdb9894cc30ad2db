/** The content a user-data script writes to `path` through `cat > 'path' <<'CHAINOPS_EOF'`, or undefined. */
export function heredocFile(script: string, path: string): string | undefined {
  const start = script.indexOf(`cat > '${path}' <<'CHAINOPS_EOF'\n`)
  if (start < 0) return undefined
  const body = script.slice(script.indexOf('\n', start) + 1)
  const end = body.indexOf('\nCHAINOPS_EOF\n')
  return end < 0 ? undefined : body.slice(0, end)
}
