// Derive 10,000 addresses across the treasury layout three ways, in one process, from the same
// per-tier seeds: @chainops/treasury `deriveLayout` (hardened parents cached), ethers v6
// `HDNodeWallet` deriving each path from the tier's root, and a bare @scure/bip32 loop (once
// from the root per path, once with hand-cached parents: the least work scure allows).
// Run: node bench/deriveAddresses.bench.ts
import { Secret } from '@chainops/core'
import { deriveLayout, mnemonicToSeed, parseLayout, publicKeyToAddress, type SeedSource } from '@chainops/treasury'
import { HDKey } from '@scure/bip32'
import { HDNodeWallet } from 'ethers'

const MNEMONIC = 'all all all all all all all all all all all all'
const RUNS = Number(process.env.RUNS ?? 3)
const HARDENED = 0x80000000

// 3488 owners + controller + 500 protocols + 2 x 10 clusters of 300 + team pool + 10 payouts = 10,000.
const layout = parseLayout({
  MasterAdminVault: { safeOwners: 3488 },
  ProtocolOperations: { protocols: Array.from({ length: 500 }, (_, i) => `Protocol${i}`) },
  DVTNodeKeys: { ssvClusters: Array(10).fill(300), obolClusters: Array(10).fill(300) },
  PersonalPayouts: { members: 10 },
})
const roles = layout.tiers.flatMap((tier) => tier.roles)
if (roles.length !== 10_000) throw new Error(`layout has ${roles.length} roles`)
const passphrases = Object.fromEntries(layout.tiers.map((tier) => [tier.name, `bench ${tier.name}`]))

// Seeds once per tier, outside the timings: every contender derives from the same bytes.
const seeds = new Map(
  layout.tiers.map((tier) => [tier.name, mnemonicToSeed(MNEMONIC, passphrases[tier.name]).reveal()]),
)
const precomputed: SeedSource = {
  kind: 'bip39',
  seed: (passphrase) => {
    const tier = layout.tiers.find(
      (t) => passphrases[t.name] === String(typeof passphrase === 'string' ? passphrase : passphrase.reveal()),
    )
    return new Secret((seeds.get(tier?.name ?? '') as Uint8Array).slice())
  },
  wipe: () => {},
}

const contenders: Record<string, () => string[]> = {
  '@chainops/treasury deriveLayout': () => deriveLayout(precomputed, layout, passphrases).map((r) => r.address),
  'ethers v6 HDNodeWallet (each path from the root)': () =>
    layout.tiers.flatMap((tier) => {
      const root = HDNodeWallet.fromSeed(seeds.get(tier.name) as Uint8Array)
      return tier.roles.map((role) => root.derivePath(role.path).address)
    }),
  '@scure/bip32 bare loop (each path from the root)': () =>
    layout.tiers.flatMap((tier) => {
      const root = HDKey.fromMasterSeed(seeds.get(tier.name) as Uint8Array)
      return tier.roles.map((role) => publicKeyToAddress(root.derive(role.path).publicKey as Uint8Array))
    }),
  '@scure/bip32 bare loop (parents cached by hand)': () =>
    layout.tiers.flatMap((tier) => {
      const coin = HDKey.fromMasterSeed(seeds.get(tier.name) as Uint8Array)
        .deriveChild(44 + HARDENED)
        .deriveChild(60 + HARDENED)
      const parents = new Map<number, HDKey>()
      return tier.roles.map((role) => {
        let parent = parents.get(role.account * 2 + role.change)
        if (!parent) {
          parent = coin.deriveChild(role.account + HARDENED).deriveChild(role.change)
          parents.set(role.account * 2 + role.change, parent)
        }
        return publicKeyToAddress(parent.deriveChild(role.index).publicKey as Uint8Array)
      })
    }),
}

// Same answers first: a fast wrong derivation is worth nothing.
const reference = contenders['ethers v6 HDNodeWallet (each path from the root)']?.() ?? []
for (const [name, run] of Object.entries(contenders)) {
  const addresses = run()
  if (addresses.length !== 10_000 || addresses.some((a, i) => a !== reference[i]))
    throw new Error(`${name} disagrees with ethers`)
}

const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]))
for (let run = 0; run < RUNS; run++) {
  // Interleaved so drift (thermal, GC) hits every contender alike.
  for (const [name, fn] of Object.entries(contenders)) {
    const start = process.hrtime.bigint()
    fn()
    times[name]?.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
const medians = Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
const ours = medians['@chainops/treasury deriveLayout'] as number

console.log(`10,000 addresses across ${layout.tiers.length} tiers, median of ${RUNS} runs (node ${process.version})`)
for (const [name, ms] of Object.entries(medians)) {
  console.log(
    `  ${name.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${(10_000 / (ms / 1000)).toFixed(0).padStart(7)} addr/s`,
  )
}
const ethersRatio = (medians['ethers v6 HDNodeWallet (each path from the root)'] as number) / ours
const scureRootRatio = (medians['@scure/bip32 bare loop (each path from the root)'] as number) / ours
const scureCachedRatio = ours / (medians['@scure/bip32 bare loop (parents cached by hand)'] as number)
console.log(
  `  ours vs ethers:                 ${ethersRatio.toFixed(2)}x faster (target >= 3x) ${ethersRatio >= 3 ? 'MET' : 'MISSED'}`,
)
console.log(`  ours vs scure from root:        ${scureRootRatio.toFixed(2)}x faster`)
console.log(
  `  ours / scure hand-cached loop:  ${scureCachedRatio.toFixed(2)}x the time (target <= 1.2x) ${scureCachedRatio <= 1.2 ? 'MET' : 'MISSED'}`,
)
