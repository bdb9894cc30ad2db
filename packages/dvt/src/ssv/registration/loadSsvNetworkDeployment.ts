import { createRequire } from 'node:module'
import * as v from 'valibot'
import { type Abi, type AbiEvent, type AbiFunction, getAddress, type Hex, isAddress } from 'viem'
import { formatAbiItem, toEventSelector, toFunctionSelector } from 'viem/utils'
import type { SsvNetworkDeployment, SsvNetworkName } from './SsvNetworkDeployment.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'

export type LoadSsvNetworkDeploymentErrorType = SsvRegistrationError

const require = createRequire(import.meta.url)

// What chainops calls and reads, with the selector each must have: a newer ssv-scanner that changed
// one of them must fail here, at load, not as a revert or an empty log scan later.
const CLUSTER = '(uint32,uint64,uint64,bool,uint256)'
const usedFunctions: ReadonlyArray<readonly [signature: string, selector: Hex]> = [
  [`registerValidator(bytes,uint64[],bytes,uint256,${CLUSTER})`, '0x06e8fb9c'],
  [`bulkRegisterValidator(bytes[],uint64[],bytes[],uint256,${CLUSTER})`, '0x22f18bf5'],
  ['registerOperator(bytes,uint256,bool)', '0xc9bbc9fa'],
  [`removeValidator(bytes,uint64[],${CLUSTER})`, '0x12b3fc19'],
  [`deposit(address,uint64[],uint256,${CLUSTER})`, '0xbc26e7e5'],
]
const usedEvents: ReadonlyArray<readonly [signature: string, topic: Hex]> = [
  [
    `ValidatorAdded(address,uint64[],bytes,bytes,${CLUSTER})`,
    '0x48a3ea0796746043948f6341d17ff8200937b99262a0b48c2663b951ed7114e5',
  ],
  [
    `ValidatorRemoved(address,uint64[],bytes,${CLUSTER})`,
    '0xccf4370403e5fbbde0cd3f13426479dcd8a5916b05db424b7a2c04978cf8ce6e',
  ],
  [
    `ClusterDeposited(address,uint64[],uint256,${CLUSTER})`,
    '0x2bac1912f2481d12f0df08647c06bee174967c62d3a03cbc078eb215dc1bd9a2',
  ],
  [
    `ClusterWithdrawn(address,uint64[],uint256,${CLUSTER})`,
    '0x39d1320bbda24947e77f3560661323384aa0a1cb9d5e040e617e5cbf50b6dbe0',
  ],
  [
    `ClusterLiquidated(address,uint64[],${CLUSTER})`,
    '0x1fce24c373e07f89214e9187598635036111dbb363e99f4ce498488cdc66e688',
  ],
  [
    `ClusterReactivated(address,uint64[],${CLUSTER})`,
    '0xc803f8c01343fcdaf32068f4c283951623ef2b3fa0c547551931356f456b6859',
  ],
  ['OperatorAdded(uint64,address,bytes,uint256)', '0xd839f31c14bd632f424e307b36abff63ca33684f77f28e35dc13718ef338f7f4'],
]

const DeploymentFileSchema = v.object({
  contractAddress: v.pipe(v.string(), v.check(isAddress)),
  tokenAddress: v.pipe(v.string(), v.check(isAddress)),
  genesisBlock: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  abi: v.array(v.looseObject({ type: v.string() })),
})

// Literal specifiers, so that the bundler and knip see which files of ssv-scanner are used.
const readers: Record<SsvNetworkName, () => unknown> = {
  mainnet: () => require('ssv-scanner/src/shared/abi/prod.v4.mainnet.abi.json'),
  hoodi: () => require('ssv-scanner/src/shared/abi/prod.v4.hoodi.abi.json'),
}

const loaded = new Map<SsvNetworkName, SsvNetworkDeployment>()

/**
 * SSVNetwork on `network` as the `ssv-scanner` package ships it (`src/shared/abi/prod.v4.<network>.abi.json`:
 * the proxy and token addresses, the deployment block and the ABI). A JSON ABI cannot be typed as a
 * `const`, so it is typed as viem's `Abi` and checked here instead: every function and event chainops
 * uses must be in it with the selector it is known by (and cluster events with `owner` indexed),
 * or `SSV_REGISTRATION_ABI`. Loaded once per network.
 */
export function loadSsvNetworkDeployment(network: SsvNetworkName): SsvNetworkDeployment {
  const cached = loaded.get(network)
  if (cached) return cached
  const file = `ssv-scanner/src/shared/abi/prod.v4.${network}.abi.json`
  let json: unknown
  try {
    json = readers[network]()
  } catch (cause) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_ABI',
      shortMessage: `cannot load ${file}`,
      details: 'ssv-scanner 1.1.1 ships prod.v4.mainnet.abi.json and prod.v4.hoodi.abi.json',
      cause,
    })
  }
  const parsed = v.safeParse(DeploymentFileSchema, json)
  if (!parsed.success) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_ABI',
      shortMessage: `${file} is not { contractAddress, tokenAddress, genesisBlock, abi }`,
      details: v.summarize(parsed.issues),
    })
  }
  const abi = parsed.output.abi as unknown as Abi
  const functions = new Map(
    abi.filter((item): item is AbiFunction => item.type === 'function').map((item) => [formatAbiItem(item), item]),
  )
  const events = new Map(
    abi.filter((item): item is AbiEvent => item.type === 'event').map((item) => [formatAbiItem(item), item]),
  )
  for (const [signature, selector] of usedFunctions) {
    const item = functions.get(signature)
    if (!item || toFunctionSelector(item) !== selector) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_ABI',
        shortMessage: `${file} has no function ${signature} with selector ${selector}`,
      })
    }
  }
  for (const [signature, topic] of usedEvents) {
    const item = events.get(signature)
    const ownerIndexed = item?.inputs.some((input) => input.name === 'owner' && input.indexed === true)
    if (!item || toEventSelector(item) !== topic || !ownerIndexed) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_ABI',
        shortMessage: `${file} has no event ${signature} with topic ${topic} and owner indexed`,
      })
    }
  }
  const deployment: SsvNetworkDeployment = {
    network,
    contractAddress: getAddress(parsed.output.contractAddress),
    tokenAddress: getAddress(parsed.output.tokenAddress),
    genesisBlock: BigInt(parsed.output.genesisBlock),
    abi,
  }
  loaded.set(network, deployment)
  return deployment
}
