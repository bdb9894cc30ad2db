import { collectSafeSignatures, executeSafeTransaction } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { readSafeTransactionFiles } from '../../files/readSafeTransactionFiles.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

/** What `chainops safe execute` does once its flags are parsed; loaded only when that command runs. */
export async function runSafeExecute({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length === 0) throw usageError('name the Safe transaction file (TX.json)')
  const chain = await connectChain(values, io, true)
  const files = readSafeTransactionFiles(positionals, chain)
  const [first] = files
  const result = await wrapForeignError(async () => {
    const safe = await openSafe(chain, first!.safeAddress, { privateKey: chain.wallet!.privateKey })
    const transaction =
      files.length === 1
        ? first!.transaction
        : await collectSafeSignatures({ safe, transactions: files.map((f) => f.transaction) })
    io.progress(`safe execute: sending ${first!.file.safeTxHash} (waits for the receipt)`)
    return { ...(await executeSafeTransaction({ safe, publicClient: chain.publicClient, transaction })), transaction }
  })
  const signers = [...result.transaction.signatures.values()].map((signature) => signature.signer)
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          hash: result.hash,
          safeTxHash: result.safeTxHash,
          blockNumber: result.receipt.blockNumber.toString(),
          signers,
        },
        null,
        2,
      ),
    )
  } else {
    io.out(
      `executed ${result.safeTxHash} in ${result.hash} (block ${result.receipt.blockNumber}), signed by ${signers.join(', ')}`,
    )
  }
  return 0
}
