/**
 * A shell command that writes `content` to `path` verbatim (a quoted heredoc: nothing in it is
 * expanded), with `mode`, creating the folder.
 */
export function writeFileCommand(path: string, content: string, mode = '0644'): string {
  const body = content.endsWith('\n') ? content : `${content}\n`
  if (body.split('\n').includes('CHAINOPS_EOF')) throw new Error(`content of ${path} holds the heredoc delimiter`)
  return `install -d "$(dirname '${path}')" && cat > '${path}' <<'CHAINOPS_EOF'\n${body}CHAINOPS_EOF\nchmod ${mode} '${path}'`
}
