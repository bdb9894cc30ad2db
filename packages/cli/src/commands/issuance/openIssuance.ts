import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isChainopsError, type Logger, Secret } from '@chainops/core'
import type { StackEndpoints } from '@chainops/devnet'
import {
  bakeIssuanceMacaroons,
  type Issuance,
  type IssuanceMode,
  type IssuanceResources,
  openEmbeddedIssuanceResources,
  openIssuance as openIssuanceService,
  parseOperatorKey,
  type ResolveIssuanceConfigReturnType,
  resolveIssuanceConfig,
  type StartIssuanceParameters,
} from '@chainops/lightning'
import { openAwsIssuanceResources } from '@chainops/lightning/aws'
import { authenticatedLndGrpc } from 'lightning'
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

/** The flag each setting of `resolveIssuanceConfig` comes from, for its usage errors. */
const FLAGS: Record<string, string> = {
  mode: '--mode',
  rate: '--rate',
  minSats: '--min-sats',
  maxSats: '--max-sats',
  rpcUrl: '--rpc-url',
  chainId: '--chain-id',
}

/** The SDK's check of the settings; a refused one is bad usage (exit 2), named by its flag. */
function resolveConfig(values: Values, rpcUrl: string, chainId: string): ResolveIssuanceConfigReturnType {
  try {
    return resolveIssuanceConfig({
      mode: str(values, 'mode'),
      rate: str(values, 'rate'),
      minSats: str(values, 'min-sats'),
      maxSats: str(values, 'max-sats'),
      rpcUrl,
      chainId,
    })
  } catch (error) {
    if (!isChainopsError(error, 'ISSUANCE_CONFIG_INVALID')) throw error
    const details = error.details ?? error.shortMessage
    throw new UsageError(details.replace(/^[A-Za-z]+/, (name) => FLAGS[name] ?? name))
  }
}

export type OpenedIssuance = { issuance: Issuance; mode: IssuanceMode; close(): Promise<void> }

/**
 * Starts the issuance service from the command line's flags, falling back to the running devnet
 * (its state file) for every endpoint and secret it can supply; the SDK's `resolveIssuanceConfig`
 * checks the settings and `openIssuance` connects lnd and starts the service.
 */
export async function openIssuance(
  values: Values,
  extra: { logger: Logger; http: StartIssuanceParameters['http'] },
): Promise<OpenedIssuance> {
  const state = readState(statePath(values.state))
  const endpoints: StackEndpoints | undefined = state?.status === 'ready' ? state.endpoints : undefined

  // The chain: flags, else the devnet's RPC node.
  const rpcUrl = str(values, 'rpc-url') ?? endpoints?.geth?.rpcUrl
  const chainId = str(values, 'chain-id') ?? (endpoints?.geth ? String(endpoints.geth.chainId) : undefined)
  if (!rpcUrl || !chainId) throw missing('chain RPC', '--rpc-url and --chain-id')
  const config = resolveConfig(values, rpcUrl, chainId)

  // lnd: explicit least-privilege macaroons, or baked from the devnet node's admin macaroon.
  const nodeName = str(values, 'lnd-node') ?? 'operator'
  const devnetNode = endpoints?.lightning?.nodes[nodeName]
  const socket = str(values, 'lnd-socket') ?? devnetNode?.socket
  const certPath = str(values, 'lnd-cert-file') ?? devnetNode?.certPath
  if (!socket || !certPath) throw missing('lnd', '--lnd-socket and --lnd-cert-file')
  const cert = readFile(certPath, 'lnd-cert-file', 'base64')
  let macaroons: { invoice: Secret<string>; readOnly: Secret<string> }
  const invoiceFile = str(values, 'invoice-macaroon-file')
  const readOnlyFile = str(values, 'readonly-macaroon-file')
  if (invoiceFile && readOnlyFile) {
    macaroons = {
      invoice: new Secret(readFile(invoiceFile, 'invoice-macaroon-file', 'base64')),
      readOnly: new Secret(readFile(readOnlyFile, 'readonly-macaroon-file', 'base64')),
    }
  } else if (devnetNode && !invoiceFile && !readOnlyFile) {
    const admin = authenticatedLndGrpc({
      cert,
      macaroon: readFile(devnetNode.macaroonPath, 'state', 'base64'),
      socket,
    }).lnd
    macaroons = await bakeIssuanceMacaroons({ lnd: admin })
  } else {
    throw missing('lnd macaroons', '--invoice-macaroon-file and --readonly-macaroon-file')
  }

  // The store, the queue and the operator key.
  let resources: IssuanceResources
  if (config.mode === 'embedded') {
    const keyFile = str(values, 'operator-key-file') ?? endpoints?.geth?.faucet.keyFile
    if (!keyFile) throw missing('operator key', '--operator-key-file')
    const signerKey = parseOperatorKey({
      key: new Secret(readFile(keyFile, 'operator-key-file', 'utf8')),
      source: `the --operator-key-file ${keyFile}`,
    })
    const dbPath = resolve(str(values, 'db') ?? '.chainops/issuance.db')
    mkdirSync(dirname(dbPath), { recursive: true })
    resources = { ...openEmbeddedIssuanceResources({ path: dbPath }), signerKey }
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

  const opened = await openIssuanceService({
    ...config,
    resources,
    lnd: {
      socket,
      cert,
      invoiceMacaroon: macaroons.invoice,
      readOnlyMacaroon: macaroons.readOnly,
      nodeKey: devnetNode?.publicKey,
    },
    http: extra.http,
    logger: extra.logger,
  })
  return { issuance: opened.issuance, mode: config.mode, close: opened.close }
}
