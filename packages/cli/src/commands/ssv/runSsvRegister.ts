import { dvtNodeAccount, registerValidators } from '@chainops/dvt'
import {
  type Account,
  type Chain,
  createWalletClient,
  formatUnits,
  http,
  type Transport,
  type WalletClient,
} from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import { readPassphrasesFile } from '../../files/readPassphrasesFile.ts'
import { readSeedSource } from '../../files/readSeedSource.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { coinsFlag } from '../../flags/coinsFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'

/** What `chainops ssv register` does once its flags are parsed; loaded only when that command runs. */
export async function runSsvRegister({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length !== 1) throw usageError('name exactly one keyshares file')
  const usesKey = typeof values['key-file'] === 'string'
  const usesMnemonic = typeof values['mnemonic-file'] === 'string'
  if (usesKey === usesMnemonic) throw usageError('give exactly one of --key-file and --mnemonic-file')
  if (usesMnemonic && typeof values['tier-path'] !== 'string') throw usageError('--mnemonic-file needs --tier-path P')
  if (usesKey && values['tier-path'] !== undefined) throw usageError('--tier-path goes with --mnemonic-file only')
  const { contract, fromBlock, token: knownToken } = ssvContractFlags(values)
  const amount = values.amount === undefined ? 0n : coinsFlag(values.amount, 'amount')
  const token = typeof values.token === 'string' ? addressArgument(values.token, '--token') : knownToken
  if (amount !== 0n && !token) throw usageError(`--contract ${contract} is not a known deployment: give --token 0x…`)
  const keyShares = readTextFile(positionals[0] as string, 'keyshares')

  const chain = await connectChain(values, io, usesKey)
  let walletClient: WalletClient<Transport, Chain, Account>
  if (chain.wallet) {
    walletClient = chain.wallet.client
  } else {
    const layout = readLayoutOption(values.layout)
    const passphrases = readPassphrasesFile(values['passphrases-file'], io)
    const seedSource = readSeedSource({ 'mnemonic-file': values['mnemonic-file'] }, io)
    try {
      const { account, role } = dvtNodeAccount({
        seedSource,
        layout,
        path: values['tier-path'] as string,
        passphrase: passphrases.DVTNodeKeys,
      })
      io.progress(`ssv register: signing as ${role} ${account.address}`)
      walletClient = createWalletClient({
        account,
        chain: chain.publicClient.chain as Chain,
        transport: http(chain.rpcUrl),
      })
    } finally {
      seedSource.wipe()
      for (const passphrase of Object.values(passphrases)) passphrase.wipe()
    }
  }
  io.progress(`ssv register: checking the keyshares file against ${contract} and sending`)
  const result = await wrapForeignError(() =>
    registerValidators({
      walletClient,
      publicClient: chain.publicClient,
      contract,
      keyShares,
      amount,
      token,
      fromBlock,
    }),
  )
  const owner = walletClient.account.address
  if (values.json) {
    io.out(toJsonText({ owner, contract, ...result }))
    return 0
  }
  io.out(
    [
      `registered ${result.publicKeys.length} validator(s) for ${owner}: ${result.transactionHash}`,
      ...(result.approvalTransactionHash
        ? [`approved ${formatUnits(amount, 18)} SSV: ${result.approvalTransactionHash}`]
        : []),
      `next owner nonce ${result.nextOwnerNonce}`,
      `cluster: ${result.cluster.validatorCount} validator(s), balance ${formatUnits(result.cluster.balance, 18)} SSV, active ${result.cluster.active}`,
    ].join('\n'),
  )
  return 0
}
