import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { type Logger, Rational, Secret } from '@chainops/core'
import { bakeMacaroons, type StackEndpoints } from '@chainops/devnet'
import {
  type Issuance,
  type IssuanceMode,
  openAwsIssuanceResources,
  openEmbeddedIssuanceResources,
  type StartIssuanceParameters,
  startIssuance,
} from '@chainops/lightning'
import { type AuthenticatedLnd, authenticatedLndGrpc, getIdentity } from 'lightning'
import type { Hex } from 'viem'
import type { OptionsConfig } from '../../framework/Command.ts'
import { UsageError } from '../../framework/Command.ts'
import { readState, statePath } from '../devnet/stateFile.ts'
import { awsClientConfig } from './awsClientConfig.ts'
import { IssuanceCliError } from './IssuanceCliError.ts'

/** The flags `serve` takes to reach lnd, the chain, the store and the secrets. */
export const issuanceOptions: OptionsConfig = {
  mode: { type: 'string' },
  state: { type: 'string' },
  'lnd-node': { type: 'string' },
  'lnd-socket': { type: 'string' },
  'lnd-cert-file': { type: 'string' },
  'invoice-macaroon-file': { type: 'string' },
  'readonly-macaroon-file': { type: 'string' },
  'rpc-url': { type: 'string' },
  'chain-id': { type: 'string' },
  'operator-key-file': { type: 'string' },
  'operator-key-ssm': { type: 'string' },
  db: { type: 'string' },
  'aws-endpoint': { type: 'string' },
  'aws-region': { type: 'string' },
  table: { type: 'string' },
  queue: { type: 'string' },
  'create-resources': { type: 'boolean' },
  rate: { type: 'string' },
  'min-sats': { type: 'string' },
  'max-sats': { type: 'string' },
}

export const issuanceOptionsHelp = `Where things are (flags, else the running devnet's state file):
  --mode embedded|aws        embedded (default): node:sqlite store + queue in --db (default .chainops/issuance.db);
                             aws: DynamoDB --table (default chainops), SQS FIFO --queue (default chainops-mint) + DLQ,
                             operator key from the SSM SecureString --operator-key-ssm; --aws-endpoint/--aws-region
                             (default: the devnet's moto), --create-resources to create the table and queues
  --lnd-socket, --lnd-cert-file, --invoice-macaroon-file, --readonly-macaroon-file
                             lnd and the two least-privilege macaroons; on a devnet they are baked from the
                             --lnd-node's (default operator) admin macaroon, which is used for nothing else
  --rpc-url, --chain-id      the chain's public RPC (default: the devnet's RPC node)
  --operator-key-file        embedded: the file holding the operator key (default: the devnet faucet key)
  --rate WEI_PER_SAT         an exact rational, "n" or "n/d" (default 10000000000: 1 BTC -> 1 coin)
  --min-sats, --max-sats     invoice bounds (default 100 and 10000000)`

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>

const str = (values: Values, name: string): string | undefined => {
  const value = values[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function readFile(path: string, option: string, encoding: 'utf8' | 'base64'): string {
  try {
    return readFileSync(path).toString(encoding)
  } catch (cause) {
    throw new IssuanceCliError({
      code: 'CLI_FILE_UNREADABLE',
      shortMessage: `cannot read the --${option} file ${path}`,
      details: (cause as NodeJS.ErrnoException).code ?? 'unknown reason',
    })
  }
}

function missing(what: string, flags: string): IssuanceCliError {
  return new IssuanceCliError({
    code: 'CLI_SETTING_MISSING',
    shortMessage: `no ${what}`,
    details: `pass ${flags}, or start a devnet with \`chainops devnet up\``,
  })
}

function wholeSats(value: string | undefined, name: string, fallback: bigint): bigint {
  if (value === undefined) return fallback
  if (!/^[1-9][0-9]*$/.test(value))
    throw new UsageError(`--${name} must be a positive whole number of sats, got "${value}"`)
  return BigInt(value)
}

export type OpenedIssuance = { issuance: Issuance; mode: IssuanceMode; close(): Promise<void> }

/**
 * Starts the issuance service from the command line's flags, falling back to the running devnet
 * (its state file) for every endpoint and secret it can supply.
 */
export async function openIssuance(
  values: Values,
  extra: { logger: Logger; http: StartIssuanceParameters['http'] },
): Promise<OpenedIssuance> {
  const mode = (str(values, 'mode') ?? 'embedded') as IssuanceMode
  if (mode !== 'embedded' && mode !== 'aws') throw new UsageError(`--mode must be embedded or aws, got "${mode}"`)
  const state = readState(statePath(values.state))
  const endpoints: StackEndpoints | undefined = state?.status === 'ready' ? state.endpoints : undefined

  let rate: Rational
  try {
    rate = Rational.fromString(str(values, 'rate') ?? '10000000000')
  } catch {
    throw new UsageError(`--rate must be "n" or "n/d" wei per sat, got "${str(values, 'rate')}"`)
  }
  if (rate.compare(new Rational(0n)) <= 0) throw new UsageError('--rate must be above 0')
  const bounds = {
    minSats: wholeSats(str(values, 'min-sats'), 'min-sats', 100n),
    maxSats: wholeSats(str(values, 'max-sats'), 'max-sats', 10_000_000n),
  }
  if (bounds.minSats > bounds.maxSats) throw new UsageError('--min-sats is above --max-sats')

  // The chain.
  const rpcUrl = str(values, 'rpc-url') ?? endpoints?.geth?.rpcUrl
  const chainIdText = str(values, 'chain-id') ?? (endpoints?.geth ? String(endpoints.geth.chainId) : undefined)
  if (!rpcUrl || !chainIdText) throw missing('chain RPC', '--rpc-url and --chain-id')
  const chainId = Number(chainIdText)
  if (!Number.isSafeInteger(chainId) || chainId < 1) throw new UsageError(`--chain-id must be a positive integer`)

  // lnd: explicit least-privilege macaroons, or baked from the devnet node's admin macaroon.
  const nodeName = str(values, 'lnd-node') ?? 'operator'
  const devnetNode = endpoints?.lightning?.nodes[nodeName]
  const socket = str(values, 'lnd-socket') ?? devnetNode?.socket
  const certPath = str(values, 'lnd-cert-file') ?? devnetNode?.certPath
  if (!socket || !certPath) throw missing('lnd', '--lnd-socket and --lnd-cert-file')
  const cert = readFile(certPath, 'lnd-cert-file', 'base64')
  let invoiceMacaroon: Secret<string>
  let readOnlyMacaroon: Secret<string>
  const invoiceFile = str(values, 'invoice-macaroon-file')
  const readOnlyFile = str(values, 'readonly-macaroon-file')
  if (invoiceFile && readOnlyFile) {
    invoiceMacaroon = new Secret(readFile(invoiceFile, 'invoice-macaroon-file', 'base64'))
    readOnlyMacaroon = new Secret(readFile(readOnlyFile, 'readonly-macaroon-file', 'base64'))
  } else if (devnetNode && !invoiceFile && !readOnlyFile) {
    const admin = authenticatedLndGrpc({
      cert,
      macaroon: readFile(devnetNode.macaroonPath, 'state', 'base64'),
      socket,
    }).lnd
    const baked = await bakeMacaroons({ lnd: admin, name: nodeName })
    invoiceMacaroon = baked.invoice
    readOnlyMacaroon = baked.readOnly
  } else {
    throw missing('lnd macaroons', '--invoice-macaroon-file and --readonly-macaroon-file')
  }
  const connect = (macaroon: Secret<string>): AuthenticatedLnd =>
    authenticatedLndGrpc({ cert, macaroon: macaroon.reveal(), socket }).lnd
  const invoiceLnd = connect(invoiceMacaroon)
  const readOnlyLnd = connect(readOnlyMacaroon)
  const nodeKey = devnetNode?.publicKey ?? (await getIdentity({ lnd: readOnlyLnd })).public_key

  // The store, the queue and the operator key.
  let resources: Pick<StartIssuanceParameters, 'store' | 'queue' | 'signerKey'> & { close(): Promise<void> }
  if (mode === 'embedded') {
    const keyFile = str(values, 'operator-key-file') ?? endpoints?.geth?.faucet.keyFile
    if (!keyFile) throw missing('operator key', '--operator-key-file')
    const key = readFile(keyFile, 'operator-key-file', 'utf8').trim()
    if (!/^0x[0-9a-fA-F]{64}$/.test(key))
      throw new IssuanceCliError({
        code: 'CLI_FILE_INVALID',
        shortMessage: `the --operator-key-file ${keyFile} does not hold a private key (0x and 64 hex digits)`,
      })
    const dbPath = resolve(str(values, 'db') ?? '.chainops/issuance.db')
    mkdirSync(dirname(dbPath), { recursive: true })
    resources = { ...openEmbeddedIssuanceResources({ path: dbPath }), signerKey: new Secret(key as Hex) }
  } else {
    const parameter = str(values, 'operator-key-ssm')
    if (!parameter) throw new UsageError('--mode aws needs --operator-key-ssm NAME (an SSM SecureString)')
    resources = await openAwsIssuanceResources({
      clientConfig: awsClientConfig(
        { endpoint: str(values, 'aws-endpoint'), region: str(values, 'aws-region') },
        endpoints,
      ),
      tableName: str(values, 'table') ?? 'chainops',
      queueName: str(values, 'queue') ?? 'chainops-mint',
      parameters: { operatorKey: parameter },
      create: values['create-resources'] === true,
    })
  }

  try {
    const issuance = await startIssuance({
      mode,
      store: resources.store,
      queue: resources.queue,
      lnd: { invoice: invoiceLnd, readOnly: readOnlyLnd, nodeKey },
      chain: { rpcUrl, chainId },
      signerKey: resources.signerKey,
      rate,
      bounds,
      http: extra.http,
      logger: extra.logger,
    })
    return {
      issuance,
      mode,
      async close() {
        await issuance.stop()
        await resources.close()
      },
    }
  } catch (error) {
    await resources.close()
    throw error
  }
}
