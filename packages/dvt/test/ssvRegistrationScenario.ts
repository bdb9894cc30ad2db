import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { Secret } from '@chainops/core'
import { bip39SeedSource, defaultLayout, deriveLayout } from '@chainops/treasury'
import { SecretKey } from '@chainsafe/blst'
import hre from 'hardhat'
import { KeyShares, KeySharesItem, SSVKeys } from 'ssv-keys'
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createWalletClient,
  encodePacked,
  type Hex,
  keccak256,
  type PublicClient,
  parseEther,
  parseEventLogs,
  type Transport,
  toHex,
  type WalletClient,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { depositCall } from '../src/ssv/registration/depositCall.ts'
import { emptySsvCluster } from '../src/ssv/registration/emptySsvCluster.ts'
import { getClusterSnapshot } from '../src/ssv/registration/getClusterSnapshot.ts'
import { getOwnerNonce } from '../src/ssv/registration/getOwnerNonce.ts'
import { registerOperatorCall } from '../src/ssv/registration/registerOperatorCall.ts'
import { registerValidators } from '../src/ssv/registration/registerValidators.ts'
import { removeValidatorCall } from '../src/ssv/registration/removeValidatorCall.ts'
import { revertErrorName } from '../src/ssv/registration/revertErrorName.ts'
import type { SsvCluster } from '../src/ssv/registration/SsvCluster.ts'
import { SsvRegistrationError } from '../src/ssv/registration/SsvRegistrationError.ts'
import { ssvNetworkAbi } from '../src/ssv/registration/ssvNetworkAbi.ts'
import { buildKeyShares } from '../src/ssv/shares/buildKeyShares.ts'
import { encodeOperatorKey } from '../src/ssv/shares/encodeOperatorKey.ts'

/** The BIP-39 test vector mnemonic (public: its keys hold value nowhere), not the chain's faucet one. */
const TEST_MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

export type SsvRegistrationScenarioParameters = {
  publicClient: PublicClient<Transport, Chain>
  /** A funded account that deploys the doubles and pays the DVT EOAs their gas. */
  funder: WalletClient<Transport, Chain, Account>
  /** Builds a wallet client for a local account on the same chain. */
  walletFor: (account: Account) => WalletClient<Transport, Chain, Account>
}

export type SsvRegistrationScenarioReturnType = {
  network: Address
  token: Address
  owner: Account
  operatorIds: bigint[]
  operatorKeys: { id: number; operatorKey: string }[]
  cluster: SsvCluster
}

function validatorSecret(label: string): Secret<Uint8Array> {
  const ikm = keccak256(new TextEncoder().encode(`chainops-test-ssv-registration-${label}`), 'bytes')
  return new Secret(SecretKey.fromKeygen(ikm).toBytes())
}

/** keccak256(abi.encodePacked(validatorCount, networkFeeIndex, index, balance, active)), as ClusterLib hashes it. */
function clusterHash(cluster: SsvCluster): Hex {
  return keccak256(
    encodePacked(
      ['uint32', 'uint64', 'uint64', 'uint256', 'bool'],
      [cluster.validatorCount, cluster.networkFeeIndex, cluster.index, cluster.balance, cluster.active],
    ),
  )
}

/**
 * The registration story on any chain: the DVTNodeKeys EOAs of SSV cluster 1 (from the test
 * mnemonic through treasury's deriveLayout) register 4 operators on SSVNetworkDouble; operator 1's
 * EOA owns the validators: two registered one by one, a bulk file built for a stale nonce refused
 * before any transaction, then a third in one bulk with two more; every step's nonce and snapshot read from the
 * logs is compared with the double's own state.
 */
export async function runSsvRegistrationScenario(
  parameters: SsvRegistrationScenarioParameters,
): Promise<SsvRegistrationScenarioReturnType> {
  const { publicClient, funder, walletFor } = parameters
  const wait = async (hash: Hex) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    assert.equal(receipt.status, 'success')
    return receipt
  }

  // The operator EOAs: SSV cluster 1, operators 1..4 at m/44'/60'/0'/0/(M-1) of tier C.
  const roles = deriveLayout(bip39SeedSource(TEST_MNEMONIC), defaultLayout()).filter(
    (role) => role.tier === 'DVTNodeKeys' && role.role.startsWith('SSVCluster1Operator'),
  )
  assert.deepEqual(
    roles.map((role) => role.path),
    ["m/44'/60'/0'/0/0", "m/44'/60'/0'/0/1", "m/44'/60'/0'/0/2", "m/44'/60'/0'/0/3"],
  )
  const eoas = roles.map((role) => {
    const account = mnemonicToAccount(TEST_MNEMONIC, { path: role.path as `m/44'/60'/${string}` })
    assert.equal(account.address, role.address, role.role)
    return account
  })
  const owner = eoas[0] as Account
  for (const eoa of eoas) await wait(await funder.sendTransaction({ to: eoa.address, value: parseEther('10') }))

  const tokenArtifact = await hre.artifacts.readArtifact('SSVTokenDouble')
  const networkArtifact = await hre.artifacts.readArtifact('SSVNetworkDouble')
  const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[]) => {
    const receipt = await wait(await funder.deployContract({ abi, bytecode, args }))
    assert.ok(receipt.contractAddress)
    return receipt.contractAddress
  }
  const token = await deploy(tokenArtifact.abi as Abi, tokenArtifact.bytecode as Hex, [])
  const network = await deploy(networkArtifact.abi as Abi, networkArtifact.bytecode as Hex, [token])
  const doubleAbi = networkArtifact.abi as Abi
  const tokenAbi = tokenArtifact.abi as Abi
  await wait(
    await funder.writeContract({
      address: token,
      abi: tokenAbi,
      functionName: 'mint',
      args: [owner.address, parseEther('100')],
    }),
  )

  // Four operators, one per EOA, each with its own RSA-2048 key as the SSV web app hands it out.
  const operatorKeys: { id: number; operatorKey: string }[] = []
  for (const eoa of eoas) {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const operatorKey = encodeOperatorKey(publicKey)
    const call = registerOperatorCall({ contract: network, publicKey: toHex(operatorKey), fee: 0n })
    const receipt = await wait(await walletFor(eoa).sendTransaction({ to: call.to, data: call.data }))
    const [added] = parseEventLogs({ abi: ssvNetworkAbi, eventName: 'OperatorAdded', logs: receipt.logs })
    const args = added?.args as { operatorId: bigint; owner: Address } | undefined
    assert.equal(args?.owner, eoa.address)
    operatorKeys.push({ id: Number(args?.operatorId), operatorKey })
  }
  const operatorIds = operatorKeys.map((operator) => BigInt(operator.id))
  assert.deepEqual(operatorIds, [1n, 2n, 3n, 4n])

  const ownerWallet = walletFor(owner)
  const readNonce = () => getOwnerNonce(publicClient, { contract: network, owner: owner.address })
  const readSnapshot = async () =>
    (await getClusterSnapshot(publicClient, { contract: network, owner: owner.address, operatorIds })).cluster
  const assertMatchesDouble = async (expected: { nonce: number; cluster: SsvCluster }) => {
    const nonce = await readNonce()
    const cluster = await readSnapshot()
    assert.equal(nonce, expected.nonce)
    assert.deepEqual(cluster, expected.cluster)
    const stored = await publicClient.readContract({
      address: network,
      abi: doubleAbi,
      functionName: 'ownerNonce',
      args: [owner.address],
    })
    assert.equal(stored, BigInt(nonce), "the double's nonce")
    const hash = await publicClient.readContract({
      address: network,
      abi: doubleAbi,
      functionName: 'clusterHash',
      args: [owner.address, operatorIds],
    })
    assert.equal(hash, clusterHash(cluster), "the double's stored cluster hash")
  }
  const keyShares = (labels: string[], ownerNonce: number) =>
    buildKeyShares({
      validators: labels.map((label) => ({ secret: validatorSecret(label) })),
      operators: operatorKeys,
      ownerAddress: owner.address,
      ownerNonce,
    })

  // No event yet: the empty snapshot, and no hash stored.
  assert.equal(await readNonce(), 0)
  assert.deepEqual(await readSnapshot(), emptySsvCluster)
  assert.equal(
    await publicClient.readContract({
      address: network,
      abi: doubleAbi,
      functionName: 'clusterHash',
      args: [owner.address, operatorIds],
    }),
    `0x${'0'.repeat(64)}`,
  )

  // Validator 1 opens the cluster with 10 SSV (approval first), validator 2 joins it with none.
  const first = await registerValidators({
    walletClient: ownerWallet,
    publicClient,
    contract: network,
    token,
    keyShares: keyShares(['a'], 0),
    amount: parseEther('10'),
  })
  assert.ok(first.approvalTransactionHash)
  assert.equal(first.nextOwnerNonce, 1)
  assert.deepEqual(first.cluster, {
    validatorCount: 1,
    networkFeeIndex: 0n,
    index: 0n,
    active: true,
    balance: parseEther('10'),
  })
  await assertMatchesDouble({ nonce: 1, cluster: first.cluster })
  const second = await registerValidators({
    walletClient: ownerWallet,
    publicClient,
    contract: network,
    token,
    keyShares: JSON.stringify(keyShares(['b'], 1)),
    amount: 0n,
  })
  assert.equal(second.approvalTransactionHash, undefined)
  assert.deepEqual(second.cluster, { ...first.cluster, validatorCount: 2 })
  await assertMatchesDouble({ nonce: 2, cluster: second.cluster })

  // A bulk file built before validator 2 (nonce 1) is refused before anything is sent.
  const sentBefore = await publicClient.getTransactionCount({ address: owner.address })
  await assert.rejects(
    registerValidators({
      walletClient: ownerWallet,
      publicClient,
      contract: network,
      token,
      keyShares: keyShares(['c', 'd', 'f'], 1),
      amount: parseEther('5'),
    }),
    (error: unknown) =>
      error instanceof SsvRegistrationError &&
      error.code === 'SSV_REGISTRATION_STALE_NONCE' &&
      /expected 2, found 1/.test(error.details ?? ''),
  )
  assert.equal(await publicClient.getTransactionCount({ address: owner.address }), sentBefore, 'no transaction sent')

  // The same three validators for the right nonce, in one bulkRegisterValidator, with 5 SSV more.
  const bulk = await registerValidators({
    walletClient: ownerWallet,
    publicClient,
    contract: network,
    token,
    keyShares: keyShares(['c', 'd', 'f'], 2),
    amount: parseEther('5'),
  })
  assert.equal(bulk.publicKeys.length, 3)
  assert.equal(bulk.nextOwnerNonce, 5)
  const receipt = await publicClient.getTransactionReceipt({ hash: bulk.transactionHash })
  assert.equal(receipt.logs.filter((log) => log.address.toLowerCase() === network.toLowerCase()).length, 3)
  const afterBulk = { validatorCount: 5, networkFeeIndex: 0n, index: 0n, active: true, balance: parseEther('15') }
  assert.deepEqual(bulk.cluster, afterBulk)
  await assertMatchesDouble({ nonce: 5, cluster: afterBulk })
  assert.equal(
    await publicClient.readContract({ address: token, abi: tokenAbi, functionName: 'balanceOf', args: [network] }),
    parseEther('15'),
  )

  // A stale snapshot is refused by the double as by SSVNetwork, with its error name.
  await assert.rejects(
    publicClient.call({
      account: owner.address,
      ...depositCall({ contract: network, owner: owner.address, operatorIds, amount: 0n, cluster: second.cluster }),
    }),
    (error: unknown) => revertErrorName(error) === 'IncorrectClusterState()',
  )
  // ValidatorRemoved and ClusterDeposited move the snapshot; the nonce never goes back.
  const removal = removeValidatorCall({
    contract: network,
    publicKey: bulk.publicKeys[1] as Hex,
    operatorIds,
    cluster: afterBulk,
  })
  await wait(await ownerWallet.sendTransaction({ to: removal.to, data: removal.data }))
  const afterRemoval = { ...afterBulk, validatorCount: 4 }
  assert.deepEqual(await readSnapshot(), afterRemoval)
  await wait(
    await ownerWallet.writeContract({ address: token, abi: tokenAbi, functionName: 'approve', args: [network, 1n] }),
  )
  const deposit = depositCall({
    contract: network,
    owner: owner.address,
    operatorIds,
    amount: 1n,
    cluster: afterRemoval,
  })
  await wait(await ownerWallet.sendTransaction({ to: deposit.to, data: deposit.data }))
  const final = { ...afterRemoval, balance: parseEther('15') + 1n }
  await assertMatchesDouble({ nonce: 5, cluster: final })

  // A keyshares file written by ssv-keys 1.1.0 (the SSV team's tool) registers the same way, at nonce 5.
  const ssvKeys = new SSVKeys()
  const secret = validatorSecret('e')
  const privateKey = toHex(secret.reveal())
  const publicKey = toHex(SecretKey.fromBytes(secret.reveal()).toPublicKey().toBytes())
  secret.wipe()
  const threshold = await ssvKeys.createThreshold(privateKey, operatorKeys)
  const encryptedShares = await ssvKeys.encryptShares(operatorKeys, threshold.shares)
  const item = new KeySharesItem()
  await item.update({ ownerAddress: owner.address, ownerNonce: 5, operators: operatorKeys, publicKey })
  await item.buildPayload(
    { publicKey, operators: operatorKeys, encryptedShares },
    { ownerAddress: owner.address, ownerNonce: 5, privateKey },
  )
  const theirs = await registerValidators({
    walletClient: ownerWallet,
    publicClient,
    contract: network,
    token,
    keyShares: new KeyShares([item]).toJson(),
    amount: 0n,
  })
  assert.deepEqual(theirs.publicKeys, [publicKey])
  const withTheirs = { ...final, validatorCount: 5 }
  await assertMatchesDouble({ nonce: 6, cluster: withTheirs })

  return { network, token, owner, operatorIds, operatorKeys, cluster: withTheirs }
}

/** A wallet client for `account` over `transport`, on `chain`. */
export function localWallet(
  account: Account,
  chain: Chain,
  transport: Transport,
): WalletClient<Transport, Chain, Account> {
  return createWalletClient({ account, chain, transport })
}
