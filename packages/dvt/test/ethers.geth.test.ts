import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { Secret } from '@chainops/core'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import { SecretKey } from '@chainsafe/blst'
import { JsonRpcProvider, Wallet } from 'ethers'
import hre from 'hardhat'
import { type Abi, type Address, encodePacked, type Hex, keccak256, parseEther, parseEventLogs, toHex } from 'viem'
import { getClusterSnapshot } from '../src/ssv/registration/getClusterSnapshot.ts'
import { getOwnerNonce } from '../src/ssv/registration/getOwnerNonce.ts'
import { registerOperatorCall } from '../src/ssv/registration/registerOperatorCall.ts'
import { registerValidators } from '../src/ssv/registration/registerValidators.ts'
import type { SsvCluster } from '../src/ssv/registration/SsvCluster.ts'
import { SsvRegistrationError } from '../src/ssv/registration/SsvRegistrationError.ts'
import { ssvNetworkAbi } from '../src/ssv/registration/ssvNetworkAbi.ts'
import { buildKeyShares } from '../src/ssv/shares/buildKeyShares.ts'
import { encodeOperatorKey } from '../src/ssv/shares/encodeOperatorKey.ts'

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-ssv-ethers-geth-${label}`))

function validatorSecret(label: string): Secret<Uint8Array> {
  return new Secret(SecretKey.fromKeygen(keccak256(new TextEncoder().encode(label), 'bytes')).toBytes())
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

describe('SSV registration from an ethers v6 Wallet over an ethers provider, SSVNetworkDouble on real geth @integration', function () {
  this.timeout(240_000)
  let devnet: SafeDevnet
  let provider: JsonRpcProvider

  before(async () => {
    devnet = await startSafeDevnet({ sealerKeys: [key('sealer')], faucetKey: key('faucet'), label: 'dvt-ethers' })
    provider = new JsonRpcProvider(devnet.rpcUrl, devnet.network.chainId, { staticNetwork: true, pollingInterval: 250 })
  })
  after(async () => {
    provider?.destroy()
    await devnet?.stop()
  })

  it('registers a validator with a 10 SSV deposit (approval first), its snapshot equal to the double’s; a stale file and a refused one send nothing', async () => {
    const { publicClient, walletClient } = devnet
    const wait = async (hash: Hex) => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      assert.equal(receipt.status, 'success')
      return receipt
    }
    const owner = new Wallet(key('owner'), provider)
    const ownerAddress = owner.address as Address
    await wait(await walletClient.sendTransaction({ to: ownerAddress, value: parseEther('10') }))

    const tokenArtifact = await hre.artifacts.readArtifact('SSVTokenDouble')
    const networkArtifact = await hre.artifacts.readArtifact('SSVNetworkDouble')
    const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[]) =>
      (await wait(await walletClient.deployContract({ abi, bytecode, args }))).contractAddress as Address
    const token = await deploy(tokenArtifact.abi as Abi, tokenArtifact.bytecode as Hex, [])
    const network = await deploy(networkArtifact.abi as Abi, networkArtifact.bytecode as Hex, [token])
    await wait(
      await walletClient.writeContract({
        address: token,
        abi: tokenArtifact.abi as Abi,
        functionName: 'mint',
        args: [ownerAddress, parseEther('100')],
      }),
    )
    const operators: { id: number; operatorKey: string }[] = []
    for (let i = 0; i < 4; i++) {
      const operatorKey = encodeOperatorKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)
      const call = registerOperatorCall({ contract: network, publicKey: toHex(operatorKey), fee: 0n })
      const receipt = await wait(await walletClient.sendTransaction({ to: call.to, data: call.data }))
      const [added] = parseEventLogs({ abi: ssvNetworkAbi, eventName: 'OperatorAdded', logs: receipt.logs })
      assert.ok(added)
      operators.push({ id: Number((added.args as { operatorId: bigint }).operatorId), operatorKey })
    }
    const operatorIds = operators.map(({ id }) => BigInt(id))
    const keyShares = (label: string, ownerNonce: number) =>
      buildKeyShares({ validators: [{ secret: validatorSecret(label) }], operators, ownerAddress, ownerNonce })

    const registered = await registerValidators({
      walletClient: owner,
      publicClient: provider,
      contract: network,
      token,
      keyShares: keyShares('a', 0),
      amount: parseEther('10'),
    })
    assert.ok(registered.approvalTransactionHash)
    assert.equal(registered.nextOwnerNonce, 1)
    const expected: SsvCluster = {
      validatorCount: 1,
      networkFeeIndex: 0n,
      index: 0n,
      active: true,
      balance: parseEther('10'),
    }
    assert.deepEqual(registered.cluster, expected)
    const receipt = await publicClient.getTransactionReceipt({ hash: registered.transactionHash })
    assert.equal(receipt.from, ownerAddress.toLowerCase())
    assert.equal(receipt.to, network.toLowerCase())
    // what the ethers path and the viem path read back, and what the double stores
    assert.equal(await getOwnerNonce(provider, { contract: network, owner: ownerAddress }), 1)
    assert.equal(await getOwnerNonce(publicClient, { contract: network, owner: ownerAddress }), 1)
    const viaEthers = await getClusterSnapshot(provider, { contract: network, owner: ownerAddress, operatorIds })
    const viaViem = await getClusterSnapshot(publicClient, { contract: network, owner: ownerAddress, operatorIds })
    assert.deepEqual(viaEthers, viaViem)
    assert.deepEqual(viaEthers.cluster, expected)
    assert.equal(
      await publicClient.readContract({
        address: network,
        abi: networkArtifact.abi as Abi,
        functionName: 'clusterHash',
        args: [ownerAddress, operatorIds],
      }),
      clusterHash(expected),
    )
    const erc20 = tokenArtifact.abi as Abi
    assert.equal(
      await publicClient.readContract({ address: token, abi: erc20, functionName: 'balanceOf', args: [network] }),
      parseEther('10'),
    )
    assert.equal(
      await publicClient.readContract({ address: token, abi: erc20, functionName: 'balanceOf', args: [ownerAddress] }),
      parseEther('90'),
    )

    const sent = await publicClient.getTransactionCount({ address: ownerAddress })
    await assert.rejects(
      registerValidators({
        walletClient: owner,
        publicClient: provider,
        contract: network,
        keyShares: keyShares('b', 0),
        amount: 0n,
      }),
      (error: unknown) =>
        error instanceof SsvRegistrationError &&
        error.code === 'SSV_REGISTRATION_STALE_NONCE' &&
        /expected 1, found 0/.test(error.details ?? ''),
    )
    // The same validator again, for the right nonce: the double refuses it in the simulation, and
    // its error name comes through the ethers provider (the node's revert data, unwrapped).
    await assert.rejects(
      registerValidators({
        walletClient: owner,
        publicClient: provider,
        contract: network,
        keyShares: keyShares('a', 1),
        amount: 0n,
      }),
      (error: unknown) =>
        error instanceof SsvRegistrationError &&
        error.code === 'SSV_REGISTRATION_TRANSACTION_FAILED' &&
        error.shortMessage ===
          `SSVNetwork at ${network} refuses the registration: ValidatorAlreadyExistsWithData(${registered.publicKeys[0]})`,
    )
    assert.equal(await publicClient.getTransactionCount({ address: ownerAddress }), sent, 'no transaction sent')
  })
})
