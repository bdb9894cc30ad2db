import assert from 'node:assert/strict'
import { JsonRpcProvider, JsonRpcSigner, VoidSigner, Wallet } from 'ethers'
import { parseEther, parseGwei, type TransactionSerializable } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import type { EthersProvider } from './EthersProvider.ts'
import { fromEthersSigner } from './fromEthersSigner.ts'

// Hardhat's first development key: a published test key, never funded anywhere that matters.
const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const viemAccount = privateKeyToAccount(KEY)

const typedData = {
  domain: { chainId: 2789n, verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' },
  types: {
    EIP712Domain: [
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Mail: [
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
      { name: 'amount', type: 'uint256' },
    ],
    Person: [{ name: 'wallet', type: 'address' }],
    Unrelated: [{ name: 'x', type: 'uint8' }],
  },
  primaryType: 'Mail',
  message: { to: { wallet: viemAccount.address }, contents: 'hello', amount: 10n ** 18n },
} as const

const transactions: Array<[string, TransactionSerializable]> = [
  [
    'EIP-1559',
    {
      type: 'eip1559',
      chainId: 2789,
      nonce: 7,
      gas: 21_000n,
      maxFeePerGas: parseGwei('3'),
      maxPriorityFeePerGas: parseGwei('1'),
      to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: parseEther('1.5'),
    },
  ],
  [
    'legacy',
    {
      type: 'legacy',
      chainId: 2789,
      nonce: 0,
      gas: 50_000n,
      gasPrice: parseGwei('2'),
      to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: 1n,
      data: '0xdeadbeef',
    },
  ],
  [
    'EIP-2930 with an access list',
    {
      type: 'eip2930',
      chainId: 2789,
      nonce: 3,
      gas: 60_000n,
      gasPrice: parseGwei('2'),
      to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: 0n,
      accessList: [
        {
          address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
          storageKeys: ['0x0000000000000000000000000000000000000000000000000000000000000001'],
        },
      ],
    },
  ],
]

// A provider on another chain, for the chain check: only getNetwork is called before the refusal.
const providerOnChain = (chainId: bigint): EthersProvider => ({
  send: () => Promise.reject(new Error('not called')),
  getNetwork: () => Promise.resolve({ chainId }),
})

describe('fromEthersSigner: a viem account that signs through an ethers v6 signer', () => {
  const wallet = new Wallet(KEY)

  it('has the wallet address and signs a message byte for byte as the viem key account does', async () => {
    const account = await fromEthersSigner(wallet)
    assert.equal(account.address, viemAccount.address)
    assert.equal(account.type, 'local')
    assert.equal(await account.signMessage({ message: 'hello' }), await viemAccount.signMessage({ message: 'hello' }))
    const raw = { raw: '0x00ff10' } as const
    assert.equal(await account.signMessage({ message: raw }), await viemAccount.signMessage({ message: raw }))
    const bytes = { raw: new Uint8Array([1, 2, 3]) }
    assert.equal(await account.signMessage({ message: bytes }), await viemAccount.signMessage({ message: bytes }))
  })

  it('signs EIP-712 typed data as viem does, with EIP712Domain and unreachable types left out for ethers', async () => {
    const account = await fromEthersSigner(wallet)
    assert.equal(await account.signTypedData(typedData), await viemAccount.signTypedData(typedData))
  })

  for (const [name, transaction] of transactions) {
    it(`signs a ${name} transaction to the same raw bytes as viem`, async () => {
      const account = await fromEthersSigner(wallet)
      assert.equal(await account.signTransaction(transaction), await viemAccount.signTransaction(transaction))
    })
  }

  it("refuses a transaction for another chain than the signer's provider (ETHERS_CHAIN_MISMATCH)", async () => {
    const account = await fromEthersSigner(wallet.connect(providerOnChain(1n) as never))
    await assert.rejects(
      account.signTransaction(transactions[0]?.[1] as TransactionSerializable),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_CHAIN_MISMATCH' &&
        error.shortMessage === "the transaction is for chain 2789, the ethers signer's provider is on chain 1",
    )
  })

  it('refuses a transaction without a chain id and an EIP-4844 one', async () => {
    const account = await fromEthersSigner(wallet)
    const { chainId: _chainId, ...unprotected } = transactions[0]?.[1] ?? {}
    await assert.rejects(
      account.signTransaction(unprotected as TransactionSerializable),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_CHAIN_MISMATCH',
    )
    await assert.rejects(
      account.signTransaction({ ...(transactions[0]?.[1] as object), type: 'eip4844' } as TransactionSerializable),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED' &&
        /not eip4844/.test(error.shortMessage),
    )
  })

  it('refuses transactions from a JsonRpcSigner without asking its node (ETHERS_SIGN_TRANSACTION_UNSUPPORTED)', async () => {
    // Port 9 (discard) on loopback: nothing answers, and nothing may be asked.
    const provider = new JsonRpcProvider('http://127.0.0.1:9', 2789, { staticNetwork: true })
    const account = await fromEthersSigner(new JsonRpcSigner(provider, viemAccount.address))
    assert.equal(account.address, viemAccount.address)
    await assert.rejects(
      account.signTransaction(transactions[0]?.[1] as TransactionSerializable),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED' &&
        error.shortMessage === `the ethers signer ${viemAccount.address} cannot sign a transaction offline`,
    )
    provider.destroy()
  })

  it('refuses transactions from a VoidSigner, keeping ethers’ error as the cause', async () => {
    const account = await fromEthersSigner(new VoidSigner(viemAccount.address))
    await assert.rejects(
      account.signTransaction(transactions[0]?.[1] as TransactionSerializable),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED' &&
        (error.cause as { code?: string }).code === 'UNSUPPORTED_OPERATION',
    )
  })

  it('refuses an object that is not a signer (ETHERS_SIGNER_UNSUPPORTED), naming the missing method', async () => {
    await assert.rejects(
      fromEthersSigner({ getAddress: async () => viemAccount.address } as never),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGNER_UNSUPPORTED' &&
        error.shortMessage === 'the ethers signer has no signMessage()',
    )
  })
})
