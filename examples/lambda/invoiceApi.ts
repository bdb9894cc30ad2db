// The invoice API function: API Gateway HTTP API (payload format 2.0) routes `POST /invoices` and
// `GET /invoices/{hash}` here. Bundled by build.ts into invoice-api.zip (handler `index.handler`,
// runtime nodejs22.x).
//
// Configuration is the environment (see README.md); the two lnd macaroons are SSM SecureString
// parameters read once, at cold start: never put a secret in the function's environment. This
// function never reads the operator key: creating an invoice needs lnd and the store only.
import { createLogger } from '@chainops/core'
import { DynamoDbStore, ssmSecretSource } from '@chainops/core/aws'
import { createInvoiceApiHandler } from '@chainops/lightning/lambda'
import { authenticatedLndGrpc } from 'lightning'
import { awsClientConfig } from './environment/awsClientConfig.ts'
import { readIssuanceSettings } from './environment/readIssuanceSettings.ts'
import { requireEnv } from './environment/requireEnv.ts'

const env = process.env
const { rate, bounds } = readIssuanceSettings(env)
const clientConfig = awsClientConfig(env)
const secrets = ssmSecretSource({ clientConfig })

// lnd's TLS certificate is public (base64 of the PEM file); its socket is host:port.
const socket = requireEnv(env, 'CHAINOPS_LND_SOCKET')
const cert = requireEnv(env, 'CHAINOPS_LND_CERT')
// Least privilege: the invoice macaroon creates invoices, the read-only one checks inbound liquidity.
const [invoiceMacaroon, readOnlyMacaroon] = await Promise.all([
  secrets.get(requireEnv(env, 'CHAINOPS_INVOICE_MACAROON_PARAMETER')),
  secrets.get(requireEnv(env, 'CHAINOPS_READONLY_MACAROON_PARAMETER')),
])

export const handler = createInvoiceApiHandler({
  lnd: authenticatedLndGrpc({ cert, socket, macaroon: invoiceMacaroon.reveal() }).lnd,
  liquidityLnd: authenticatedLndGrpc({ cert, socket, macaroon: readOnlyMacaroon.reveal() }).lnd,
  store: new DynamoDbStore({ tableName: requireEnv(env, 'CHAINOPS_TABLE'), clientConfig }),
  rate,
  bounds,
  // JSON lines on stderr, which Lambda sends to CloudWatch Logs; secrets are redacted.
  logger: createLogger({ level: 'info', bindings: { function: 'invoice-api' } }),
})
