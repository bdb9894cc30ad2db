// EIP-2335 keystore decrypt (scrypt n = 2^18, r = 8, p = 1, the deposit CLI's parameters), three
// ways in one process on the same keystore: @chainops/dvt `decryptKeystore`, a bare node:crypto
// async scrypt with the same parameters (the floor: the KDF alone, no parsing, checksum, AES or
// pubkey check), and ssv-keys 1.1.0's own `new SSVKeys().extractKeys(keystore, password)` (the SSV
// tool's path, pure-JS scrypt). Runs are interleaved so machine load hits all three alike.
// One warm-up run each is left out (ssv-keys initialises its BLS WASM on first use). Figures are the
// median and the minimum (the least disturbed run: the machine may be shared).
// Run: node bench/keystoreDecrypt.bench.ts   (RUNS=7, SSV_KEYS_RUNS=3 by default)
import { scrypt } from 'node:crypto'
import { createKeystore, decryptKeystore, deriveValidatorKeys } from '@chainops/dvt'
import { SSVKeys } from 'ssv-keys'

const RUNS = Number(process.env.RUNS ?? 7)
const SSV_KEYS_RUNS = Number(process.env.SSV_KEYS_RUNS ?? 3)
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'
const PASSWORD = 'bench-password-123'

const [key] = deriveValidatorKeys({ mnemonic: MNEMONIC, index: 0 })
if (!key) throw new Error('no key derived')
const keystore = await createKeystore({ secret: key.signingKey, password: PASSWORD, path: key.signingPath })
const json = JSON.stringify(keystore)
const expected = Buffer.from(key.signingKey.reveal()).toString('hex')
const { n, r, p, dklen, salt } = keystore.crypto.kdf.params as {
  n: number
  r: number
  p: number
  dklen: number
  salt: string
}
if (n !== 262144 || r !== 8 || p !== 1) throw new Error('not the deposit CLI scrypt parameters')

const bareScrypt = (): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(
      PASSWORD,
      Buffer.from(salt, 'hex'),
      dklen,
      { N: n, r, p, maxmem: 128 * n * r * p + 2 ** 24 },
      (error, out) => (error ? reject(error) : resolve(out)),
    ),
  )

const contenders: Record<string, { runs: number; run: () => Promise<string> }> = {
  '@chainops/dvt decryptKeystore': {
    runs: RUNS,
    run: async () => {
      const secret = await decryptKeystore(json, PASSWORD)
      const hex = Buffer.from(secret.reveal()).toString('hex')
      secret.wipe()
      return hex
    },
  },
  'bare node:crypto scrypt (KDF only)': {
    runs: RUNS,
    run: async () => {
      await bareScrypt()
      return expected
    },
  },
  'ssv-keys 1.1.0 extractKeys': {
    runs: SSV_KEYS_RUNS,
    run: async () => {
      const { privateKey } = await new SSVKeys().extractKeys(json, PASSWORD)
      return privateKey.replace(/^0x/, '')
    },
  },
}

for (const [name, contender] of Object.entries(contenders)) {
  if ((await contender.run()) !== expected) throw new Error(`${name} decrypted another key`)
}
const times = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]))
// CPU time of the process (every thread, the libuv pool's included): less swayed than wall time by
// other jobs on a shared machine.
const cpuTimes = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]))
for (let round = 0; round < Math.max(RUNS, SSV_KEYS_RUNS); round++) {
  for (const [name, contender] of Object.entries(contenders)) {
    if (round >= contender.runs) continue
    const started = performance.now()
    const cpuStarted = process.cpuUsage()
    const result = await contender.run()
    const elapsed = performance.now() - started
    const cpu = process.cpuUsage(cpuStarted)
    cpuTimes.get(name)?.push((cpu.user + cpu.system) / 1000)
    if (result !== expected) throw new Error(`${name} decrypted another key`)
    times.get(name)?.push(elapsed)
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const min = (values: number[]): number => Math.min(...values)
const figures = (name: string) => {
  const values = times.get(name) as number[]
  return { median: median(values), min: min(values), cpu: median(cpuTimes.get(name) as number[]) }
}
const ours = figures('@chainops/dvt decryptKeystore')
const bare = figures('bare node:crypto scrypt (KDF only)')
const ssvKeys = figures('ssv-keys 1.1.0 extractKeys')

console.log(`keystore decrypt, scrypt n=${n} r=${r} p=${p}, Node ${process.version}`)
for (const [name, values] of times) {
  const { median: med, min: least, cpu } = figures(name)
  console.log(
    `  ${name.padEnd(38)} median ${med.toFixed(0).padStart(5)} ms, min ${least.toFixed(0).padStart(5)} ms, CPU ${cpu.toFixed(0).padStart(5)} ms  (${values.length} runs: ${values.map((v) => v.toFixed(0)).join(', ')})`,
  )
}
const ratio = ours.min / bare.min
console.log(
  `  ours / bare scrypt: ${ratio.toFixed(3)}x on the minimum, ${(ours.median / bare.median).toFixed(3)}x on the median (target <= 1.2x: ${ratio <= 1.2 ? 'met' : 'MISSED'})`,
)
console.log(`  ours / bare scrypt on CPU time: ${(ours.cpu / bare.cpu).toFixed(3)}x`)
console.log(
  `  ssv-keys / ours: ${(ssvKeys.min / ours.min).toFixed(1)}x on the minimum, ${(ssvKeys.median / ours.median).toFixed(1)}x on the median, ${(ssvKeys.cpu / ours.cpu).toFixed(1)}x on CPU time`,
)
key.signingKey.wipe()
key.withdrawalKey.wipe()
