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
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'
import { ssvContractOptions } from './ssvContractOptions.ts'

export const ssvRegisterCommand: Command = {
  path: ['ssv', 'register'],
  summary: 'register the validators of a keyshares file with SSVNetwork, from the owner account',
  usage:
    'chainops ssv register KEYSHARES.json --rpc URL --contract 0x… (--key-file F | --mnemonic-file F --tier-path P [--passphrases-file F] [--layout F]) [--amount SSV] [--token 0x…] [--from-block N] [--json]',
  options: {
    ...ssvContractOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: "the owner's 0x private key, mode 600",
      default: 'none: give it or --mnemonic-file',
    },
    'mnemonic-file': {
      type: 'string',
      value: 'FILE',
      description: "the treasury's BIP-39 mnemonic, mode 600: the owner is a DVTNodeKeys EOA (with --tier-path)",
      default: 'none: give it or --key-file',
    },
    'tier-path': {
      type: 'string',
      value: 'P',
      description:
        "with --mnemonic-file: the owner's DVTNodeKeys path, e.g. m/44'/60'/0'/0/0 (SSV cluster 1 operator 1)",
      default: 'none (needed with --mnemonic-file)',
    },
    'passphrases-file': {
      type: 'string',
      value: 'FILE',
      description: 'with --mnemonic-file: JSON from tier name to passphrase, mode 600 (the DVTNodeKeys entry is used)',
      default: 'the empty passphrase',
    },
    layout: {
      type: 'string',
      value: 'FILE',
      description: 'with --mnemonic-file: a layout JSON; --tier-path must be one of its DVTNodeKeys roles',
      default: 'the source layout',
    },
    amount: {
      type: 'string',
      value: 'SSV',
      description: 'SSV to deposit into the cluster with the registration (18 decimals, e.g. 10 or 2.5)',
      default: '0',
    },
    token: {
      type: 'string',
      value: '0x…',
      description: 'the SSV token to approve --amount of (required for another contract when --amount is not 0)',
      default: 'the SSV token of the mainnet or Hoodi deployment at --contract',
    },
    json: {
      type: 'boolean',
      description: 'print the transactions, the next owner nonce and the cluster snapshot as JSON',
    },
  },
  help: [
    'Nothing is sent until the file passes every off-chain check: it is for this owner and one cluster,',
    "its first nonce is the owner's nonce now (counted from ValidatorAdded logs; a stale file exits 1",
    'naming the expected and found nonce), and the shares verify. Then the cluster snapshot is read from',
    'the logs, the SSV token approved if the allowance is short, and one registerValidator (one',
    'validator) or bulkRegisterValidator (several) sent. Keys are read from files only, never printed.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
