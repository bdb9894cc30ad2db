// SSV key shares for one validator and a 4-operator cluster, keystore already decrypted, two ways
// in one process: @chainops/dvt `buildKeyShares` (bigint Shamir, @chainsafe/blst, node:crypto RSA)
// and ssv-keys 1.1.0, the SSV team's tool, along its README path (createThreshold, encryptShares,
// KeySharesItem.update + buildPayload, KeyShares.toJson; bls-eth-wasm and jsencrypt inside).
// Both produce the keyshares JSON text. Then 100 validators in bulk (one file, consecutive nonces),
// both ways, and verifyShares on the bulk file (off-chain checks; and with the operator keys:
// decrypt every share, rebuild every 3-of-4 subset). Runs are interleaved so machine load hits
// both alike, with a full GC before each timed run; one warm-up each is left out (ssv-keys initialises its WASM on first use). Figures
// are the median and the minimum (the least disturbed run: the machine may be shared).
// Run: node bench/ssvShares.bench.ts   (RUNS=30 single, BULK_RUNS=3 by default)
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Secret } from '@chainops/core'
import { buildKeyShares, encodeOperatorKey, verifyShares } from '@chainops/dvt'
import { KeyShares, KeySharesItem, SSVKeys } from 'ssv-keys'

const RUNS = Number(process.env.RUNS ?? 30)
const BULK_RUNS = Number(process.env.BULK_RUNS ?? 3)
const BULK = 100
const owner = '0x8ba1f109551bD432803012645Ac136ddd64DBA72'

const rsa = [1, 2, 3, 4].map(() => generateKeyPairSync('rsa', { modulusLength: 2048 }))
const operators = [1, 2, 3, 4].map((id, i) => ({
  id,
  operatorKey: encodeOperatorKey((rsa[i] as { publicKey: KeyObject }).publicKey),
}))
const privateKeys = Object.fromEntries(
  operators.map((o, i) => [o.id, (rsa[i] as { privateKey: KeyObject }).privateKey]),
)
// 0x0101…01 … 0x6464…64: valid BLS secrets (below the curve order 0x73ed…).
const secretOf = (seed: number) => new Uint8Array(32).fill(seed)
const hexOf = (seed: number) => `0x${Buffer.from(secretOf(seed)).toString('hex')}`

function ours(seeds: number[]): string {
  const validators = seeds.map((seed) => ({ secret: new Secret(secretOf(seed)) }))
  const file = buildKeyShares({ validators, operators, ownerAddress: owner, ownerNonce: 0 })
  for (const validator of validators) validator.secret.wipe()
  return JSON.stringify(file, null, 2)
}

async function ssvKeys(seeds: number[]): Promise<string> {
  const items: KeySharesItem[] = []
  for (const [nonce, seed] of seeds.entries()) {
    const tool = new SSVKeys()
    const privateKey = hexOf(seed)
    const threshold = await tool.createThreshold(privateKey, operators)
    const encryptedShares = await tool.encryptShares(operators, threshold.shares)
    const item = new KeySharesItem()
    await item.update({ ownerAddress: owner, ownerNonce: nonce, operators, publicKey: threshold.publicKey })
    await item.buildPayload(
      { publicKey: threshold.publicKey, operators, encryptedShares },
      { ownerAddress: owner, ownerNonce: nonce, privateKey },
    )
    items.push(item)
  }
  return new KeyShares(items).toJson()
}

// A full collection before each timed run, so neither contender pays for the other's garbage
// (ssv-keys allocates far more, and interleaving would bill it to whoever runs next).
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

async function time(fn: () => unknown): Promise<number> {
  gc()
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const min = (values: number[]) => Math.min(...values)

// Warm-up, and a sanity check that both files are valid keyshares for the same validator.
const check = [ours([1]), await ssvKeys([1])]
for (const text of check) {
  const report = verifyShares(text, { operatorPrivateKeys: privateKeys })
  if (!report.valid) throw new Error(`warm-up file invalid: ${JSON.stringify(report.findings)}`)
}

const single = { ours: [] as number[], ssvKeys: [] as number[] }
for (let run = 0; run < RUNS; run++) {
  single.ours.push(await time(() => ours([1 + (run % 50)])))
  single.ssvKeys.push(await time(() => ssvKeys([1 + (run % 50)])))
}
const seeds = Array.from({ length: BULK }, (_, i) => i + 1)
const bulk = { ours: [] as number[], ssvKeys: [] as number[], verify: [] as number[], verifyKeys: [] as number[] }
let bulkFile = ''
for (let run = 0; run < BULK_RUNS; run++) {
  bulk.ours.push(
    await time(() => {
      bulkFile = ours(seeds)
    }),
  )
  bulk.ssvKeys.push(await time(() => ssvKeys(seeds)))
  bulk.verify.push(await time(() => verifyShares(bulkFile)))
  bulk.verifyKeys.push(await time(() => verifyShares(bulkFile, { operatorPrivateKeys: privateKeys })))
}

const line = (name: string, values: number[], per = 1) =>
  console.log(
    `  ${name.padEnd(46)} median ${(median(values) / per).toFixed(2).padStart(8)} ms  min ${(min(values) / per).toFixed(2).padStart(8)} ms`,
  )
console.log(`SSV key shares, 4 operators, keystore already decrypted (node ${process.version})`)
console.log(`one validator, ${RUNS} runs:`)
line('@chainops/dvt buildKeyShares', single.ours)
line('ssv-keys 1.1.0 (README path)', single.ssvKeys)
const ratio = median(single.ssvKeys) / median(single.ours)
console.log(`  ours vs ssv-keys: ${ratio.toFixed(1)}x faster (target >= 10x) ${ratio >= 10 ? 'MET' : 'MISSED'}`)
console.log(`${BULK} validators in one file, ${BULK_RUNS} runs (per validator in brackets):`)
for (const [name, values] of [
  ['@chainops/dvt buildKeyShares (bulk)', bulk.ours],
  ['ssv-keys 1.1.0 (100 items, one KeyShares)', bulk.ssvKeys],
  ['verifyShares, off-chain checks', bulk.verify],
  ['verifyShares with operator keys', bulk.verifyKeys],
] as const) {
  line(name, values)
  console.log(`${''.padEnd(50)}[${(median(values) / BULK).toFixed(2)} ms a validator]`)
}
const bulkRatio = median(bulk.ssvKeys) / median(bulk.ours)
console.log(`  bulk ours vs ssv-keys: ${bulkRatio.toFixed(1)}x faster`)
