import { type SafeOwnerSigner, signSafeTransaction, toSafeTransactionFile } from '@chainops/treasury'
import { privateKeyToAccount } from 'viem/accounts'
import { usageError } from '../../errors/usageError.ts'
import { layoutOptions } from '../../files/layoutOptions.ts'
import { passphrasesFileOptions } from '../../files/passphrasesFileOptions.ts'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import { readSafeTransactionFiles } from '../../files/readSafeTransactionFiles.ts'
import { writeSafeTransactionFile } from '../../files/writeSafeTransactionFile.ts'
import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { trezorDoubleOwnerSigner } from '../../signers/trezorDoubleOwnerSigner.ts'

export const safeSignCommand: Command = {
  path: ['safe', 'sign'],
  summary: "add one owner's signature to a Safe transaction file",
  usage:
    'chainops safe sign TX.json --rpc URL (--key-file FILE | --trezor-double-mnemonic-file FILE --tier T --path P [--passphrases-file FILE] [--layout FILE]) [--out FILE] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'sign with this 0x private key, mode 600',
      default: 'none: give it or --trezor-double-mnemonic-file',
    },
    'trezor-double-mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: 'sign on the Trezor double holding this BIP-39 mnemonic, mode 600',
      default: 'none: give it or --key-file',
    },
    tier: {
      type: 'string',
      value: 'T',
      description: "with the Trezor double: the signing owner's tier",
      default: 'none (needed with the Trezor double)',
    },
    path: {
      type: 'string',
      value: 'P',
      description: "with the Trezor double: the signing owner's BIP-44 path",
      default: 'none (needed with the Trezor double)',
    },
    ...passphrasesFileOptions,
    ...layoutOptions,
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the signed file here instead',
      default: 'TX.json itself',
    },
    json: { type: 'boolean', description: 'print the signed transaction file as JSON' },
  },
  help: [
    'The owner signs the EIP-712 SafeTx, either with a software key (--key-file: a 0x private key) or',
    'through the Trezor signer over TrezorConnectDouble, a software device holding the mnemonic of',
    '--trezor-double-mnemonic-file, opened with the tier passphrase from --passphrases-file (the',
    'layout must name --tier/--path). The RPC is read to check that the signer is an owner and that',
    "the file's hash is the Safe contract's own; nothing is sent.",
    '',
    safeFileFlowHelp,
  ].join('\n'),
  async run({ values, positionals, io }) {
    if (positionals.length !== 1) throw usageError('name exactly one Safe transaction file')
    const usesKey = typeof values['key-file'] === 'string'
    const usesDouble = typeof values['trezor-double-mnemonic-file'] === 'string'
    if (usesKey === usesDouble) throw usageError('give exactly one of --key-file and --trezor-double-mnemonic-file')
    const layout = usesDouble ? readLayoutOption(values.layout) : undefined
    const chain = await connectChain(values, io, usesKey)
    const [read] = readSafeTransactionFiles(positionals, chain)
    if (!read) throw usageError('name exactly one Safe transaction file')
    let signer: SafeOwnerSigner
    let close = () => {}
    if (usesKey) {
      signer = privateKeyToAccount(chain.wallet!.privateKey.reveal())
    } else {
      io.progress('safe sign: opening the Trezor double')
      const owner = await trezorDoubleOwnerSigner(values, layout!, io)
      signer = owner.signer
      close = owner.close
    }
    try {
      const { file, threshold } = await wrapForeignError(async () => {
        const safe = await openSafe(chain, read.safeAddress)
        const signed = await signSafeTransaction({ safe, transaction: read.transaction, signer })
        return {
          file: toSafeTransactionFile({
            chainId: chain.chainId,
            safeAddress: read.safeAddress,
            transaction: signed.transaction,
          }),
          threshold: await safe.getThreshold(),
        }
      })
      const out = typeof values.out === 'string' ? values.out : (positionals[0] as string)
      writeSafeTransactionFile(out, file)
      if (values.json) io.out(JSON.stringify(file, null, 2))
      else io.out(`signed ${file.safeTxHash} as ${signer.address}: ${file.signatures.length} of ${threshold} -> ${out}`)
      return 0
    } finally {
      close()
    }
  },
}
