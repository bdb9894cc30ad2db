import { formatEther, getAddress, isAddress } from 'viem'
import { formatExampleRuns } from '../../demo/formatExampleRuns.ts'
import { runInvoiceToMintDemo } from '../../demo/runInvoiceToMintDemo.ts'
import { usageError } from '../../errors/usageError.ts'
import type { CommandInput } from '../../framework/Command.ts'

/** What `chainops demo` does once its flags are parsed; loaded only when that command runs. */
export async function runDemo({ values, io }: CommandInput): Promise<number> {
  const mode = typeof values.mode === 'string' ? values.mode : 'embedded'
  if (mode !== 'embedded' && mode !== 'aws') throw usageError(`--mode must be embedded or aws, got "${mode}"`)
  const satsText = typeof values.sats === 'string' ? values.sats : '2500'
  if (!/^[1-9][0-9]{0,6}$/.test(satsText) || BigInt(satsText) > 1_000_000n)
    throw usageError('--sats must be a whole number from 1 to 1000000')
  let address: `0x${string}` | undefined
  if (values.address !== undefined) {
    if (typeof values.address !== 'string' || !isAddress(values.address, { strict: true }))
      throw usageError('--address must be an address (EIP-55 checksummed when mixed case)')
    address = getAddress(values.address)
  }
  const result = await runInvoiceToMintDemo({
    mode,
    sats: BigInt(satsText),
    address,
    onProgress: (line) => io.progress(`demo: ${line}`),
  })
  if (values.json)
    io.out(JSON.stringify(result, (_, value) => (typeof value === 'bigint' ? value.toString() : value), 2))
  else
    io.out(
      [
        `mode              ${result.mode}`,
        `payment hash      ${result.paymentHash}`,
        `paid              ${result.sats} sats`,
        `mint tx           ${result.mintTxHash}`,
        `block             ${result.block}`,
        `recipient         ${result.address}`,
        `new balance       ${formatEther(result.balanceWei)} coins (${result.balanceWei} wei)`,
        `paid -> minted    ${(result.paidToMintedMs / 1000).toFixed(2)} s`,
        '',
        formatExampleRuns(),
      ].join('\n'),
    )
  return 0
}
