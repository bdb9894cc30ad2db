import { type SafeOwnerSigner, signSafeTransaction, toSafeTransactionFile } from '@chainops/treasury'
import { privateKeyToAccount } from 'viem/accounts'
import { usageError } from '../../errors/usageError.ts'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import { readSafeTransactionFiles } from '../../files/readSafeTransactionFiles.ts'
import { writeSafeTransactionFile } from '../../files/writeSafeTransactionFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { trezorDoubleOwnerSigner } from '../../signers/trezorDoubleOwnerSigner.ts'

/** What `chainops safe sign` does once its flags are parsed; loaded only when that command runs. */
export async function runSafeSign({ values, positionals, io }: CommandInput): Promise<number> {
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
}
