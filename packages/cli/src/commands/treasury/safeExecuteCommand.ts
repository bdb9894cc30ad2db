import { collectSafeSignatures, executeSafeTransaction } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { readSafeTransactionFiles } from '../../files/readSafeTransactionFiles.ts'
import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const safeExecuteCommand: Command = {
  path: ['safe', 'execute'],
  summary: 'execute a Safe transaction file once it holds the threshold of owner signatures',
  usage: 'chainops safe execute TX.json [MORE.json ...] --rpc URL --key-file FILE [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that sends execTransaction and pays its gas, mode 600',
      required: true,
    },
    json: { type: 'boolean', description: 'print { hash, safeTxHash, blockNumber, signers } as JSON' },
  },
  help: [
    'Several files are copies of one transaction signed apart: their signatures are collected first. Every',
    'signature is checked against the owners and the threshold before anything is sent',
    '(SAFE_THRESHOLD_NOT_MET, SAFE_SIGNER_NOT_OWNER, SAFE_SIGNATURE_MISMATCH: exit 1).',
    '',
    safeFileFlowHelp,
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
