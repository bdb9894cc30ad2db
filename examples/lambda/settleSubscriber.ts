// The settle subscriber: not a Lambda but a long-lived program beside lnd (it holds lnd's invoice
// stream open). Bundled by build.ts into settle-subscriber.tar.gz (`bin/subscriber`, a launcher
// that runs this bundle on the host's Node >= 22.12); @chainops/aws-stack's LightningNode installs
// it and starts it with systemd, with the environment below (see README.md).
//
// Every settled invoice of the store becomes PAID plus one mint message on the SQS FIFO queue,
// exactly once. Run two or more on lnd's host(s): they share a lease in the DynamoDB table
// (active/standby); the one holding it subscribes, the others take over once it dies, resuming
// from the persisted cursor. lnd's TLS certificate and read-only macaroon are SSM parameters, read
// once at start and never logged. SIGTERM (systemd's stop) or SIGINT stops it cleanly: the settle
// in hand is recorded and the lease released, so a standby takes over at once.
import { hostname } from 'node:os'
import { ChainopsError, createLogger } from '@chainops/core'
import { DynamoDbStore, SqsQueue, ssmSecretSource } from '@chainops/core/aws'
import { startSettleSubscriber } from '@chainops/lightning'
import { authenticatedLndGrpc } from 'lightning'
import { awsClientConfig } from './environment/awsClientConfig.ts'
import { readPositiveInteger } from './environment/readPositiveInteger.ts'
import { readSenders } from './environment/readSenders.ts'
import { requireEnv } from './environment/requireEnv.ts'

const WHERE = "the settle subscriber's environment (the systemd unit)"
const env = process.env
const logger = createLogger({ level: 'info', bindings: { program: 'settle-subscriber' } })

try {
  const clientConfig = awsClientConfig(env)
  const tableName = requireEnv(env, 'CHAINOPS_TABLE', WHERE)
  const queueName = requireEnv(env, 'CHAINOPS_MINT_QUEUE', WHERE)
  const socket = requireEnv(env, 'CHAINOPS_LND_SOCKET', WHERE)
  const certParameter = requireEnv(env, 'CHAINOPS_LND_CERT_PARAMETER', WHERE)
  const macaroonParameter = requireEnv(env, 'CHAINOPS_LND_MACAROON_PARAMETER', WHERE)
  // Names the cursor and the lease: every subscriber of one lnd node sets the same value.
  const nodeKey = requireEnv(env, 'CHAINOPS_SETTLE_NODE', WHERE)
  const sender = readSenders(env, 'CHAINOPS_SENDERS', WHERE)
  const maxInvoiceExpirySeconds = readPositiveInteger(env, 'CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS')
  const ttlMs = readPositiveInteger(env, 'CHAINOPS_SETTLE_LEASE_TTL_MS')

  // The certificate parameter holds the base64 of lnd's PEM (what LightningNode decodes into
  // tls.cert), which is the form `lightning` takes; the macaroon is the read-only one, base64.
  const secrets = ssmSecretSource({ clientConfig })
  const [cert, macaroon] = await Promise.all([secrets.get(certParameter), secrets.get(macaroonParameter)])
  const store = new DynamoDbStore({ tableName, clientConfig })
  const queue = new SqsQueue({ name: queueName, clientConfig })
  const { lnd } = authenticatedLndGrpc({ cert: cert.reveal(), socket, macaroon: macaroon.reveal() })
  const holder = `${hostname()}:${process.pid}`

  const subscriber = startSettleSubscriber({
    lnd,
    store,
    queue,
    nodeKey,
    sender,
    maxInvoiceExpirySeconds,
    lease: { holder, ttlMs },
    onEvent: (event) => {
      if (event.type === 'settled') {
        const { paymentHash, settleIndex, via, result } = event
        logger.info('settled', { paymentHash, settleIndex: String(settleIndex), via, outcome: result.outcome })
      } else if (event.type === 'lnd_unreachable')
        logger.warn(event.type, { attempt: event.attempt, error: event.error })
      else {
        const { type, ...fields } = event
        // cursors are bigints: JSON has no such number
        logger.info(
          type,
          Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'bigint' ? String(v) : v])),
        )
      }
    },
  })
  logger.info('started', { holder, nodeKey, table: tableName, queue: queueName })

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    void (async () => {
      await subscriber.stop()
      await queue.close()
      await store.close()
      logger.info('stopped', { signal })
      process.exit(0)
    })().catch((error: unknown) => {
      logger.error('stop failed', { error })
      process.exit(1)
    })
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
} catch (error) {
  // A bad environment or a missing parameter: one line naming it (never a value), and exit 1 so
  // systemd shows the unit failed.
  const code = error instanceof ChainopsError ? error.code : 'SETTLE_SUBSCRIBER_START_FAILED'
  logger.error('cannot start', { code, error })
  // exit now: an AWS SDK client's open sockets must not keep a failed start alive (stderr to a
  // pipe or the journal is written synchronously, so the line is out)
  process.exit(1)
}
