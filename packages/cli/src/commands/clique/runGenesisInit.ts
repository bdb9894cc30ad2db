import {
  buildGenesis,
  deterministicDeploymentProxy,
  genesisHash,
  HARDFORKS,
  type Hardfork,
  planCapacity,
  toGenesisJson,
} from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { allocFlag } from '../../flags/allocFlag.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops genesis init` does once its flags are parsed; loaded only when that command runs. */
export async function runGenesisInit({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  if (values.sealers === undefined) throw usageError('--sealers is required (the initial signer addresses)')
  if (values['gas-limit'] !== undefined && values['target-tps'] !== undefined) {
    throw usageError('give --gas-limit or --target-tps, not both')
  }
  const hardfork = (values.hardfork ?? 'london') as Hardfork
  if (!HARDFORKS.includes(hardfork)) {
    throw usageError(`--hardfork must be one of ${HARDFORKS.join(', ')} (Clique seals up to London)`)
  }
  const period = integerFlag(values.period, 'period', 5, { min: 1 }) as number
  const targetTps = integerFlag(values['target-tps'], 'target-tps', undefined, { min: 1 })
  const gasLimit =
    targetTps !== undefined
      ? planCapacity({ tps: targetTps, period }).gasLimit
      : (bigintFlag(values['gas-limit'], 'gas-limit', 30_000_000n, 5000n) as bigint)
  const genesis = buildGenesis({
    chainId: integerFlag(values['chain-id'], 'chain-id', 2789, { min: 1 }) as number,
    sealers: addressListFlag(values.sealers, 'sealers'),
    period,
    epoch: integerFlag(values.epoch, 'epoch', 30_000, { min: 1 }) as number,
    hardfork,
    gasLimit,
    alloc: allocFlag((values.alloc as string[] | undefined) ?? []),
    predeploys: values['create2-factory'] ? [deterministicDeploymentProxy] : [],
  })
  const json = toGenesisJson(genesis)
  const { hash } = genesisHash(genesis)
  const text = `${JSON.stringify(json, null, 2)}\n`
  const out = values.out as string | undefined
  if (out !== undefined) {
    await writeOutputFile(out, text, { force: values.force === true })
    io.out(values.json ? toJsonText({ hash, path: out }) : `wrote ${out}\ngenesis hash ${hash}`)
    return 0
  }
  if (values.json) {
    io.out(toJsonText({ hash, genesis: json }))
  } else {
    io.out(text.trimEnd())
    io.err(`genesis hash ${hash}`)
  }
  return 0
}
