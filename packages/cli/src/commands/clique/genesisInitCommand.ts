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
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

export const genesisInitCommand: Command = {
  path: ['genesis', 'init'],
  summary: 'build a Clique genesis geth accepts (sealers, London, alloc) and print its hash',
  usage:
    'chainops genesis init --sealers ADDR,ADDR,... [--period S] [--epoch N] [--chain-id N] [--gas-limit N | --target-tps N] [--hardfork london] [--alloc ADDR=COINS ...] [--create2-factory] [--out FILE [--force]] [--json]',
  options: {
    sealers: {
      type: 'string',
      value: 'ADDR,...',
      description: 'the initial signer addresses, comma-separated',
      required: true,
    },
    period: { type: 'string', value: 'S', description: 'seconds between blocks', default: '5' },
    epoch: {
      type: 'string',
      value: 'N',
      description: 'blocks between checkpoints, where pending votes reset',
      default: '30000',
    },
    'chain-id': { type: 'string', value: 'N', description: 'the chain id', default: '2789' },
    'gas-limit': { type: 'string', value: 'N', description: 'the block gas limit', default: '30000000' },
    'target-tps': {
      type: 'string',
      value: 'N',
      description: 'size the gas limit for N transfers a second instead (planCapacity, 20% headroom)',
      default: 'off: --gas-limit applies',
    },
    hardfork: {
      type: 'string',
      value: 'NAME',
      description: 'the last fork active from block 0; Clique seals up to London',
      default: 'london',
    },
    alloc: {
      type: 'string',
      multiple: true,
      value: 'ADDR=COINS',
      description: 'fund an account at genesis, in coins up to 18 decimals; repeatable',
      default: 'no account funded',
    },
    'create2-factory': {
      type: 'boolean',
      description: 'predeploy the deterministic deployment proxy (CREATE2 factory)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the genesis JSON to FILE',
      default: 'stdout, the hash to stderr',
    },
    force: { type: 'boolean', description: 'replace an existing --out file' },
    json: { type: 'boolean', description: 'print { hash, genesis } as JSON ({ hash, path } with --out)' },
  },
  help: [
    'e.g. --alloc 0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a=30000000000 funds that account with 30 billion coins.',
    '--create2-factory predeploys the deterministic deployment proxy at 0x4e59b44847b379578588920cA78FbF26c0B4956C.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
