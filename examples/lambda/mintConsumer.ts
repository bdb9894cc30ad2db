// The mint consumer function: the SQS event source of the mint queue (`<name>.fifo`, batch size up
// to 10, ReportBatchItemFailures on) invokes it with the PAID invoices to mint. Bundled by build.ts
// into mint-consumer.zip (handler `index.handler`, runtime nodejs22.x).
//
// Configuration is the environment (see README.md); each operator key that signs the mints is an
// SSM SecureString parameter read once, at cold start, and never logged. With K sending keys
// (`CHAINOPS_OPERATOR_KEY_PARAMETERS`, comma-separated) this one function serves every key's FIFO
// group `mint:<sender>`: one consumer per queue, never one per key (each would receive the other
// keys' groups).
import { createLogger } from '@chainops/core'
import { createMinter } from '@chainops/lightning'
import { openAwsIssuanceResources } from '@chainops/lightning/aws'
import { createMintConsumerHandler } from '@chainops/lightning/lambda'
import { createPublicClient, http } from 'viem'
import { awsClientConfig } from './environment/awsClientConfig.ts'
import { readIssuanceSettings } from './environment/readIssuanceSettings.ts'
import { readOperatorKeyParameters } from './environment/readOperatorKeyParameters.ts'
import { requireEnv } from './environment/requireEnv.ts'

const env = process.env
const { chain } = readIssuanceSettings(env)
const logger = createLogger({ level: 'info', bindings: { function: 'mint-consumer' } })

// The DynamoDB store (invoices, mint journal, nonces), the mint queue (for dead-lettering a
// malformed message with its reason) and the operator keys (K = 0, a name listed twice or two
// parameters holding one key fail the cold start).
const { store, queue, signerKeys } = await openAwsIssuanceResources({
  clientConfig: awsClientConfig(env),
  tableName: requireEnv(env, 'CHAINOPS_TABLE'),
  queueName: requireEnv(env, 'CHAINOPS_MINT_QUEUE'),
  parameters: { operatorKey: readOperatorKeyParameters(env) },
})

// One minter per sending key. No lease: the FIFO message group `mint:<sender>` already makes this
// function the key's single writer. No watch: a record is acknowledged once its journal row
// (nonce, raw transaction, hash) is committed and broadcast, and the mint-watcher function drives
// it to MINTED, so the group never waits for a block. Transactions are signed here and sent raw
// to the public RPC.
const client = createPublicClient({ transport: http(chain.rpcUrl, { retryCount: 2, timeout: 10_000 }) })
const minters = signerKeys.map((signerKey) =>
  createMinter({ store, client, signerKey, chainId: chain.chainId, lease: false, watch: false, logger }),
)

// Each record goes to the minter of its message group; a record of no known group is a batch item failure.
export const handler = createMintConsumerHandler({ minter: minters, queue, logger })
