import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isChainopsError, type Logger, Secret } from '@chainops/core'
import type { StackEndpoints } from '@chainops/devnet'
import {
  bakeIssuanceMacaroons,
  type Issuance,
  type IssuanceMode,
  type IssuanceResources,
  openEmbeddedIssuanceResources,
  openIssuance,
  parseOperatorKey,
  type ResolveIssuanceConfigReturnType,
  resolveIssuanceConfig,
  type StartIssuanceParameters,
} from '@chainops/lightning'
import { openAwsIssuanceResources } from '@chainops/lightning/aws'
import { authenticatedLndGrpc } from 'lightning'
import { awsClientConfig } from '../aws/awsClientConfig.ts'
import { devnetStatePath } from '../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../devnetState/readDevnetState.ts'
import { settingMissingError } from '../errors/settingMissingError.ts'
import { usageError } from '../errors/usageError.ts'
import { readBase64File } from '../files/readBase64File.ts'
import { readTextFile } from '../files/readTextFile.ts'
import { stringFlag } from '../flags/stringFlag.ts'
import type { CommandInput } from '../framework/Command.ts'

/** The flag each setting of `resolveIssuanceConfig` comes from, for its usage errors. */
const FLAGS: Record<string, string> = {
  mode: '--mode',
  rate: '--rate',
  minSats: '--min-sats',
  maxSats: '--max-sats',
  rpcUrl: '--rpc-url',
  chainId: '--chain-id',
}

type Values = CommandInput['values']

/** The SDK's check of the settings; a refused one is bad usage (exit 2), named by its flag. */
function resolveConfig(values: Values, rpcUrl: string, chainId: string): ResolveIssuanceConfigReturnType {
  try {
    return resolveIssuanceConfig({
      mode: stringFlag(values.mode),
      rate: stringFlag(values.rate),
      minSats: stringFlag(values['min-sats']),
      maxSats: stringFlag(values['max-sats']),
      rpcUrl,
      chainId,
    })
  } catch (error) {
    if (!isChainopsError(error, 'ISSUANCE_CONFIG_INVALID')) throw error
    const details = error.details ?? error.shortMessage
    throw usageError(
      details.replace(/^[A-Za-z]+/, (name) => FLAGS[name] ?? name),
      { cause: error },
    )
  }
}

export type OpenedIssuanceFromFlags = { issuance: Issuance; mode: IssuanceMode; close(): Promise<void> }

/**
 * Starts the issuance service from `chainops serve`'s flags, falling back to the running devnet
 * (its state file) for every endpoint and secret it can supply; the SDK's `resolveIssuanceConfig`
 * checks the settings and its `openIssuance` connects lnd and starts the service.
 */
export async function openIssuanceFromFlags(
  values: Values,
  extra: { logger: Logger; http: StartIssuanceParameters['http'] },
): Promise<OpenedIssuanceFromFlags> {
  const state = readDevnetState(devnetStatePath(values.state))
  const endpoints: StackEndpoints | undefined = state?.status === 'ready' ? state.endpoints : undefined

  // The chain: flags, else the devnet's RPC node.
  const rpcUrl = stringFlag(values['rpc-url']) ?? endpoints?.geth?.rpcUrl
  const chainId = stringFlag(values['chain-id']) ?? (endpoints?.geth ? String(endpoints.geth.chainId) : undefined)
  if (!rpcUrl || !chainId) throw settingMissingError('chain RPC', '--rpc-url and --chain-id')
  const config = resolveConfig(values, rpcUrl, chainId)

  // lnd: explicit least-privilege macaroons, or baked from the devnet node's admin macaroon.
  const nodeName = stringFlag(values['lnd-node']) ?? 'operator'
  const devnetNode = endpoints?.lightning?.nodes[nodeName]
  const socket = stringFlag(values['lnd-socket']) ?? devnetNode?.socket
  const certPath = stringFlag(values['lnd-cert-file']) ?? devnetNode?.certPath
  if (!socket || !certPath) throw settingMissingError('lnd', '--lnd-socket and --lnd-cert-file')
  const cert = readBase64File(certPath, '--lnd-cert-file')
  let macaroons: { invoice: Secret<string>; readOnly: Secret<string> }
  const invoiceFile = stringFlag(values['invoice-macaroon-file'])
  const readOnlyFile = stringFlag(values['readonly-macaroon-file'])
  if (invoiceFile && readOnlyFile) {
    macaroons = {
      invoice: new Secret(readBase64File(invoiceFile, '--invoice-macaroon-file')),
      readOnly: new Secret(readBase64File(readOnlyFile, '--readonly-macaroon-file')),
    }
  } else if (devnetNode && !invoiceFile && !readOnlyFile) {
    const admin = authenticatedLndGrpc({
      cert,
      macaroon: readBase64File(devnetNode.macaroonPath, '--state'),
      socket,
    }).lnd
    macaroons = await bakeIssuanceMacaroons({ lnd: admin })
  } else {
    throw settingMissingError('lnd macaroons', '--invoice-macaroon-file and --readonly-macaroon-file')
  }

  // The store, the queue and the operator key.
  let resources: IssuanceResources
  if (config.mode === 'embedded') {
    const keyFile = stringFlag(values['operator-key-file']) ?? endpoints?.geth?.faucet.keyFile
    if (!keyFile) throw settingMissingError('operator key', '--operator-key-file')
    const signerKey = parseOperatorKey({
      key: new Secret(readTextFile(keyFile, '--operator-key-file')),
      source: `the --operator-key-file ${keyFile}`,
    })
    const dbPath = resolve(stringFlag(values.db) ?? '.chainops/issuance.db')
    mkdirSync(dirname(dbPath), { recursive: true })
    resources = { ...openEmbeddedIssuanceResources({ path: dbPath }), signerKey }
  } else {
    const parameter = stringFlag(values['operator-key-ssm'])
    if (!parameter) throw usageError('--mode aws needs --operator-key-ssm NAME (an SSM SecureString)')
    resources = await openAwsIssuanceResources({
      clientConfig: awsClientConfig(
        { endpoint: stringFlag(values['aws-endpoint']), region: stringFlag(values['aws-region']) },
        endpoints,
      ),
      tableName: stringFlag(values.table) ?? 'chainops',
      queueName: stringFlag(values.queue) ?? 'chainops-mint',
      parameters: { operatorKey: parameter },
      create: values['create-resources'] === true,
    })
  }

  const opened = await openIssuance({
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
