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
import type { Hex } from 'viem'
import { awsClientConfig } from '../aws/awsClientConfig.ts'
import { devnetStatePath } from '../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../devnetState/readDevnetState.ts'
import { settingMissingError } from '../errors/settingMissingError.ts'
import { usageError } from '../errors/usageError.ts'
import { readBase64File } from '../files/readBase64File.ts'
import { readTextFile } from '../files/readTextFile.ts'
import { stringFlag } from '../flags/stringFlag.ts'
import { stringListFlag } from '../flags/stringListFlag.ts'
import type { CommandInput } from '../framework/Command.ts'

/** The flag each setting of `resolveIssuanceConfig` comes from, for its usage errors. */
const FLAGS: Record<string, string> = {
  mode: '--mode',
  rate: '--rate',
  minSats: '--min-sats',
  maxSats: '--max-sats',
  maxInvoiceExpirySeconds: '--max-invoice-expiry-seconds',
  signerKey: '--operator-key-file',
  'parameters.operatorKey': '--operator-key-ssm',
  rpcUrl: '--rpc-url',
  chainId: '--chain-id',
}

type Values = CommandInput['values']

/** A setting the SDK refused (`ISSUANCE_CONFIG_INVALID` naming one of FLAGS) as bad usage (exit 2), named by its flag; any other error as it is. */
function asUsageError(error: unknown, flags: Record<string, string> = FLAGS): unknown {
  if (!isChainopsError(error, 'ISSUANCE_CONFIG_INVALID')) return error
  const details = error.details ?? error.shortMessage
  const name = /^[A-Za-z.]+/.exec(details)?.[0]
  const flag = name === undefined ? undefined : flags[name]
  return flag === undefined ? error : usageError(`${flag}${details.slice((name as string).length)}`, { cause: error })
}

/** The SDK's check of the settings; a refused one is bad usage (exit 2), named by its flag. */
function resolveConfig(
  values: Values,
  rpcUrl: string,
  chainId: string,
  keys: { operatorKeys: string[]; flag: string },
): ResolveIssuanceConfigReturnType {
  try {
    return resolveIssuanceConfig({
      mode: stringFlag(values.mode),
      rate: stringFlag(values.rate),
      minSats: stringFlag(values['min-sats']),
      maxSats: stringFlag(values['max-sats']),
      maxInvoiceExpirySeconds: stringFlag(values['max-invoice-expiry-seconds']),
      rpcUrl,
      chainId,
      ...(keys.operatorKeys.length > 0 ? { operatorKeys: keys.operatorKeys } : {}),
    })
  } catch (error) {
    throw asUsageError(error, { ...FLAGS, operatorKeys: keys.flag })
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
  // The sending keys, one flag per key (K keys: the flag repeated); their names checked with the settings.
  const aws = stringFlag(values.mode) === 'aws'
  const keyFlag = aws ? '--operator-key-ssm' : '--operator-key-file'
  const config = resolveConfig(values, rpcUrl, chainId, {
    operatorKeys: stringListFlag(values[keyFlag.slice(2)]),
    flag: keyFlag,
  })

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
    // One file per sending key, else the devnet faucet's.
    const faucet = endpoints?.geth?.faucet.keyFile
    const keyFiles = config.operatorKeys ? [...config.operatorKeys] : faucet ? [faucet] : []
    if (keyFiles.length === 0) throw settingMissingError('operator key', '--operator-key-file')
    const signerKeys = keyFiles.map((keyFile) =>
      parseOperatorKey({
        key: new Secret(readTextFile(keyFile, '--operator-key-file')),
        source: `the --operator-key-file ${keyFile}`,
      }),
    )
    const dbPath = resolve(stringFlag(values.db) ?? '.chainops/issuance.db')
    mkdirSync(dirname(dbPath), { recursive: true })
    resources = {
      ...openEmbeddedIssuanceResources({ path: dbPath }),
      signerKey: signerKeys[0] as Secret<Hex>,
      ...(signerKeys.length > 1 ? { signerKeys } : {}),
    }
  } else {
    const parameters = [...(config.operatorKeys ?? [])]
    if (parameters.length === 0) throw usageError('--mode aws needs --operator-key-ssm NAME (an SSM SecureString)')
    try {
      resources = await openAwsIssuanceResources({
        clientConfig: awsClientConfig(
          { endpoint: stringFlag(values['aws-endpoint']), region: stringFlag(values['aws-region']) },
          endpoints,
        ),
        tableName: stringFlag(values.table) ?? 'chainops',
        queueName: stringFlag(values.queue) ?? 'chainops-mint',
        parameters: { operatorKey: parameters.length === 1 ? (parameters[0] as string) : parameters },
        create: values['create-resources'] === true,
      })
    } catch (error) {
      throw asUsageError(error)
    }
  }

  let opened: Awaited<ReturnType<typeof openIssuance>>
  try {
    opened = await openIssuance({
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
  } catch (error) {
    throw asUsageError(error)
  }
  return { issuance: opened.issuance, mode: config.mode, close: opened.close }
}
