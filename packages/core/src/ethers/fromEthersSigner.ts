import {
  type Address,
  getAddress,
  type Hex,
  hexToBytes,
  type LocalAccount,
  type SignableMessage,
  type TransactionSerializable,
  type TypedDataDefinition,
} from 'viem'
import { toAccount } from 'viem/accounts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import type { EthersSigner, EthersTransactionRequest } from './EthersSigner.ts'

const TYPE_CODES = { legacy: 0, eip2930: 1, eip1559: 2 } as const

/**
 * A viem local account that signs through an ethers v6 signer: messages (`signMessage`), typed data
 * (`signTypedData`, the `EIP712Domain` entry dropped and the types cut to those `primaryType`
 * reaches, as ethers wants them) and transactions (`signTransaction`; legacy, EIP-2930 and
 * EIP-1559). The key never leaves the signer.
 *
 * Refused with `ETHERS_SIGN_TRANSACTION_UNSUPPORTED` when a transaction is signed by a signer that
 * cannot sign one offline (a `JsonRpcSigner` asks its node to, a `VoidSigner` cannot at all), and
 * with `ETHERS_CHAIN_MISMATCH` when the transaction's chain is not the signer's provider's.
 */
export async function fromEthersSigner(signer: EthersSigner): Promise<LocalAccount> {
  for (const method of ['getAddress', 'signMessage', 'signTypedData', 'signTransaction'] as const) {
    if (typeof (signer as Record<string, unknown>)?.[method] !== 'function')
      throw new EthersAdapterError({
        code: 'ETHERS_SIGNER_UNSUPPORTED',
        shortMessage: `the ethers signer has no ${method}()`,
        details: 'pass an ethers v6 Signer (Wallet, HDNodeWallet, or one built on AbstractSigner)',
      })
  }
  const address = getAddress(await signer.getAddress())
  // A JsonRpcSigner's signTransaction is eth_signTransaction on its node: not an offline signature.
  const asksItsNode = typeof (signer as { sendUncheckedTransaction?: unknown }).sendUncheckedTransaction === 'function'
  let signerChain: Promise<bigint> | undefined

  return toAccount({
    address,
    async signMessage({ message }: { message: SignableMessage }): Promise<Hex> {
      const payload = typeof message === 'string' ? message : toBytes(message.raw)
      return (await signer.signMessage(payload)) as Hex
    },
    async signTypedData(typedData): Promise<Hex> {
      const { domain, types, primaryType, message } = typedData as TypedDataDefinition
      const fields = reachableTypes(types as Record<string, ReadonlyArray<{ name: string; type: string }>>, primaryType)
      return (await signer.signTypedData(
        (domain ?? {}) as Parameters<EthersSigner['signTypedData']>[0],
        fields,
        message as Record<string, unknown>,
      )) as Hex
    },
    async signTransaction(transaction): Promise<Hex> {
      const tx = transaction as TransactionSerializable
      if (asksItsNode) throw unsupported(address, 'a JsonRpcSigner asks its node to sign (eth_signTransaction)')
      const type = tx.type ?? (tx.maxFeePerGas !== undefined ? 'eip1559' : 'legacy')
      if (!(type in TYPE_CODES))
        throw new EthersAdapterError({
          code: 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED',
          shortMessage: `an ethers signer signs legacy, EIP-2930 and EIP-1559 transactions, not ${type}`,
        })
      if (tx.chainId === undefined)
        throw new EthersAdapterError({
          code: 'ETHERS_CHAIN_MISMATCH',
          shortMessage: 'the transaction names no chain id: an ethers signer signs only replay-protected transactions',
        })
      if (signer.provider) {
        const provider = signer.provider
        signerChain ??= provider.getNetwork().then(
          (network) => network.chainId,
          (error: unknown) => {
            signerChain = undefined // asked again next time
            throw error
          },
        )
        const chainId = await signerChain
        if (chainId !== BigInt(tx.chainId))
          throw new EthersAdapterError({
            code: 'ETHERS_CHAIN_MISMATCH',
            shortMessage: `the transaction is for chain ${tx.chainId}, the ethers signer's provider is on chain ${chainId}`,
            details: `signer ${address}`,
          })
      }
      const request: EthersTransactionRequest = {
        type: TYPE_CODES[type as keyof typeof TYPE_CODES],
        chainId: BigInt(tx.chainId),
        from: address,
        to: tx.to ?? null,
        ...(tx.nonce === undefined ? {} : { nonce: tx.nonce }),
        ...(tx.gas === undefined ? {} : { gasLimit: tx.gas }),
        ...(tx.gasPrice === undefined ? {} : { gasPrice: tx.gasPrice }),
        ...(tx.maxFeePerGas === undefined ? {} : { maxFeePerGas: tx.maxFeePerGas }),
        ...(tx.maxPriorityFeePerGas === undefined ? {} : { maxPriorityFeePerGas: tx.maxPriorityFeePerGas }),
        ...(tx.data === undefined ? {} : { data: tx.data }),
        value: tx.value ?? 0n,
        ...(tx.accessList === undefined
          ? {}
          : {
              accessList: tx.accessList.map((entry) => ({
                address: entry.address,
                storageKeys: [...entry.storageKeys],
              })),
            }),
      }
      try {
        return (await signer.signTransaction(request)) as Hex
      } catch (error) {
        if ((error as { code?: unknown }).code === 'UNSUPPORTED_OPERATION')
          throw unsupported(address, 'the signer refused: it cannot sign transactions', error)
        throw error
      }
    },
  })
}

function unsupported(address: Address, details: string, cause?: unknown): EthersAdapterError {
  return new EthersAdapterError({
    code: 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED',
    shortMessage: `the ethers signer ${address} cannot sign a transaction offline`,
    details: `${details}; use a Wallet or a signer whose signTransaction returns the signed transaction`,
    cause,
  })
}

function toBytes(raw: Hex | Uint8Array): Uint8Array {
  return typeof raw === 'string' ? hexToBytes(raw) : raw
}

/** The struct types `primaryType` uses, itself included, without `EIP712Domain`: ethers derives the primary type from them. */
function reachableTypes(
  types: Record<string, ReadonlyArray<{ name: string; type: string }>>,
  primaryType: string,
): Record<string, Array<{ name: string; type: string }>> {
  const out: Record<string, Array<{ name: string; type: string }>> = {}
  const visit = (name: string): void => {
    const fields = types[name]
    if (!fields || name in out || name === 'EIP712Domain') return
    out[name] = fields.map(({ name: field, type }) => ({ name: field, type }))
    for (const { type } of fields) visit(type.replace(/(\[\d*\])+$/, ''))
  }
  visit(primaryType)
  return out
}
