/** The file flow, shown in the help of every `safe` command that touches TX.json. */
export const safeFileFlowHelp = [
  'The file flow: `safe propose ... --out TX.json` writes the unsigned transaction (chain id, Safe, the',
  'ten SafeTx fields, its safeTxHash, no signatures). Each owner runs `safe sign TX.json`, which checks',
  'the hash against the file and the Safe, signs, and adds the signature to TX.json (or to --out, a copy).',
  'Copies signed apart are collected by naming them all: `safe execute TX.json B.json ...`. `safe execute`',
  'sends nothing unless the threshold of valid owner signatures is there.',
].join('\n')
