// One validator run by a cluster of 4 operators, two ways, on a running devnet: SSV (the validator
// key split into encrypted shares, checked, and registered with SSVNetwork from the owner's EOA) and
// Obol (a cluster definition created, signed by the creator and every operator, and verified). The
// keys come from one test seed: the validator key by EIP-2334, the operators' EOAs from the
// treasury layout's DVTNodeKeys tier.
//
//   bin/chainops devnet up
//   .tools/node/bin/node examples/ssv-and-obol.ts [cluster-definition.json]
//
// With a path, the signed cluster definition is written there (`chainops obol definition verify` reads it).
// It reads the chain from .chainops/devnet.json (or $CHAINOPS_DEVNET_STATE). SSVNetwork is not on a
// local chain: this deploys the project's SSVNetworkDouble and SSVTokenDouble (compiled by
// `bash scripts/setup.sh`) and registers the operators on it; on Hoodi or mainnet the contracts are
// `loadSsvNetworkDeployment('hoodi')`'s and the operators already exist. Exits 1 if the shares do not
// verify, the chain's nonce or cluster is not what the registration returned, or the definition
// does not verify.
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Secret } from '@chainops/core'
import type { StackEndpoints } from '@chainops/devnet'
import {
  buildKeyShares,
  createDefinition,
  deriveValidatorKeys,
  dvtNodeAccount,
  encodeOperatorKey,
  getClusterSnapshot,
  getOwnerNonce,
  registerOperatorCall,
  registerValidators,
  signDefinition,
  ssvNetworkAbi,
  verifyDefinition,
  verifyShares,
} from '@chainops/dvt'
import { bip39SeedSource, defaultLayout, deriveLayout } from '@chainops/treasury'
import {
  type Abi,
  bytesToHex,
  concat,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  keccak256,
  type LocalAccount,
  parseEther,
  parseEventLogs,
  toHex,
  toRlp,
} from 'viem'
import { generatePrivateKey, privateKeyToAccount, sign } from 'viem/accounts'

const statePath = process.env.CHAINOPS_DEVNET_STATE ?? join(process.cwd(), '.chainops', 'devnet.json')
const state = JSON.parse(await readFile(statePath, 'utf8')) as { status: string; endpoints: StackEndpoints }
const geth = state.endpoints.geth
if (state.status !== 'ready' || !geth) throw new Error(`no running devnet with geth in ${statePath}`)
const chain = defineChain({
  id: geth.chainId,
  name: 'devnet',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [geth.rpcUrl] } },
})
// Poll for receipts every 250 ms (viem's default is 4 s), the devnet seals a block a second.
const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 250 })
const walletOf = (account: LocalAccount) => createWalletClient({ chain, transport: http(), account })
const faucetKey = (await readFile(geth.faucet.keyFile, 'utf8')).trim() as Hex
const faucet = walletOf(privateKeyToAccount(faucetKey))
const mined = async (hash: Hex) => {
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`)
  return receipt
}

// One seed for everything: a public test mnemonic and a test tier passphrase (never printed).
const mnemonic = new Secret(
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
)
const passphrase = 'example-dvt'
const seedSource = bip39SeedSource(mnemonic.reveal())
const dvtRoles = deriveLayout(seedSource, defaultLayout(), { DVTNodeKeys: passphrase }).filter(
  (role) => role.tier === 'DVTNodeKeys',
)
const operatorEoa = (prefix: string) =>
  dvtRoles
    .filter((role) => role.role.startsWith(prefix))
    .map((role) => dvtNodeAccount({ seedSource, path: role.path, passphrase }).account)
const [validator] = deriveValidatorKeys({ mnemonic, index: 0 })
if (!validator) throw new Error('no validator key')
const validatorPublicKey = bytesToHex(validator.publicKey)
console.log(`validator ${validatorPublicKey} (m/12381/3600/0/0/0)`)

// --- SSV ---------------------------------------------------------------------------------------
// Local only: the SSV token and network doubles, SSV for the owner and gas for the operators' EOAs.
const artifact = async (path: string) =>
  JSON.parse(await readFile(new URL(`../artifacts/contracts/dvt/${path}`, import.meta.url), 'utf8')) as {
    abi: Abi
    bytecode: Hex
  }
const deploy = async (path: string, args: readonly unknown[]) => {
  const { abi, bytecode } = await artifact(path)
  const address = (await mined(await faucet.deployContract({ abi, bytecode, args }))).contractAddress
  if (!address) throw new Error(`${path} was not deployed`)
  return { address, abi }
}
const token = await deploy('SSVTokenDouble.sol/SSVTokenDouble.json', [])
const network = await deploy('SSVNetworkDouble.sol/SSVNetworkDouble.json', [token.address])
const ssvEoas = operatorEoa('SSVCluster1Operator')
const owner = ssvEoas[0] as LocalAccount // operator 1's EOA registers the validator
const funding = [
  await faucet.writeContract({ ...token, functionName: 'mint', args: [owner.address, parseEther('100')] }),
]
for (const eoa of ssvEoas) funding.push(await faucet.sendTransaction({ to: eoa.address, value: parseEther('1') }))
await Promise.all(funding.map(mined))

// Each operator registers its RSA key (what its SSV node decrypts its share with) and gets an id.
const operators: { id: number; operatorKey: string }[] = []
const operatorPrivateKeys: Record<number, KeyObject> = {}
const registrations = ssvEoas.map(async (eoa) => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const operatorKey = encodeOperatorKey(publicKey)
  const call = registerOperatorCall({ contract: network.address, publicKey: toHex(operatorKey), fee: 0n })
  const receipt = await mined(await walletOf(eoa).sendTransaction(call))
  const [added] = parseEventLogs({ abi: ssvNetworkAbi, eventName: 'OperatorAdded', logs: receipt.logs })
  const args = added?.args as { operatorId: bigint } | undefined // ssvNetworkAbi is a runtime Abi: untyped args
  return { id: Number(args?.operatorId), operatorKey, privateKey }
})
// SSV names a cluster by its operator ids in ascending order.
for (const { id, operatorKey, privateKey } of (await Promise.all(registrations)).sort((a, b) => a.id - b.id)) {
  operators.push({ id, operatorKey })
  operatorPrivateKeys[id] = privateKey
}
console.log(
  `ssv: operators ${operators.map((operator) => operator.id).join(', ')} on SSVNetwork ${network.address} (SSV token ${token.address})`,
)

// The shares, for the owner's current nonce; checked by decrypting every share and rebuilding the key.
const ownerNonce = await getOwnerNonce(publicClient, { contract: network.address, owner: owner.address })
const keyShares = buildKeyShares({
  validators: [{ secret: validator.signingKey }],
  operators,
  ownerAddress: owner.address,
  ownerNonce,
})
const checked = verifyShares(keyShares, { operatorPrivateKeys })
const subsets = checked.validators[0]?.reconstructedSubsets.length ?? 0
if (!checked.valid) throw new Error(`the shares do not verify: ${checked.findings.map((f) => f.code).join(', ')}`)
console.log(
  `ssv: shares for owner ${owner.address} nonce ${ownerNonce} verify (${subsets} threshold subsets rebuild the key)`,
)
validator.signingKey.wipe()
validator.withdrawalKey.wipe()

// Register it with 10 SSV for the cluster; then read the nonce and the cluster back from the chain.
const registered = await registerValidators({
  walletClient: walletOf(owner),
  publicClient,
  contract: network.address,
  token: token.address,
  keyShares,
  amount: parseEther('10'),
})
const operatorIds = operators.map((operator) => BigInt(operator.id))
const onChain = await getClusterSnapshot(publicClient, { contract: network.address, owner: owner.address, operatorIds })
const nextNonce = await getOwnerNonce(publicClient, { contract: network.address, owner: owner.address })
console.log(
  `ssv: registered ${registered.publicKeys.join(', ')} in ${registered.transactionHash}; cluster ${onChain.cluster.validatorCount} validator(s), balance ${onChain.cluster.balance} SSV wei, next nonce ${nextNonce}`,
)
if (registered.publicKeys[0] !== validatorPublicKey) throw new Error('another validator was registered')
if (nextNonce !== ownerNonce + 1 || registered.nextOwnerNonce !== nextNonce) throw new Error(`next nonce ${nextNonce}`)
if (JSON.stringify(onChain.cluster, (_, v) => String(v)) !== JSON.stringify(registered.cluster, (_, v) => String(v)))
  throw new Error('the chain holds another cluster than the registration returned')

// --- Obol --------------------------------------------------------------------------------------
// A definition for the Obol cluster's 4 operators; the creator (operator 1 here) signs the config
// hash, each operator its config hash and its charon node's ENR (`charon create enr` makes one).
const obolEoas = operatorEoa('ObolCluster1Operator')
const creator = obolEoas[0] as LocalAccount
let definition = createDefinition({
  name: 'example cluster',
  operators: obolEoas.map((eoa) => eoa.address),
  validators: 1,
  feeRecipient: owner.address,
  withdrawalAddress: owner.address,
  network: 'hoodi',
  creator: creator.address,
})
definition = await signDefinition(definition, { role: 'creator', account: creator })
for (const account of obolEoas)
  definition = await signDefinition(definition, { role: 'operator', account, enr: await enr() })
const verified = await verifyDefinition(definition)
console.log(
  `obol: definition ${verified.definitionHash} (config ${verified.configHash}), ${definition.operators.length} operators, threshold ${definition.threshold}, ${verified.signatures} signatures verify`,
)
if (verified.signatures !== 1 + 2 * obolEoas.length || verified.definitionHash !== definition.definition_hash)
  throw new Error('the definition does not carry every signature')
const definitionPath = process.argv[2]
if (definitionPath) await writeFile(definitionPath, `${JSON.stringify(definition, null, 2)}\n`)

/** An EIP-778 ENR of a fresh charon node key: rlp([signature, seq, "id", "v4", "secp256k1", key]). */
async function enr(): Promise<string> {
  const nodeKey = generatePrivateKey()
  const uncompressed = privateKeyToAccount(nodeKey).publicKey
  const compressed = concat([BigInt(uncompressed) & 1n ? '0x03' : '0x02', `0x${uncompressed.slice(4, 68)}`])
  const content = ['0x01', toHex('id'), toHex('v4'), toHex('secp256k1'), compressed] as Hex[]
  const { r, s } = await sign({ hash: keccak256(toRlp(content)), privateKey: nodeKey })
  const record = toRlp([concat([r, s]), ...content], 'bytes')
  return `enr:${Buffer.from(record).toString('base64url')}`
}
