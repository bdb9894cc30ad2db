// The mint consumer function: the SQS event source of the mint queue (`<name>.fifo`, batch size up
// to 10, ReportBatchItemFailures on) invokes it with the PAID invoices to mint. Bundled by build.ts
// into mint-consumer.zip (handler `index.handler`, runtime nodejs22.x).
//
// Configuration is the environment (see README.md); the operator key that signs the mints is an
// SSM SecureString parameter read once, at cold start, and never logged.
import { createLogger } from '@chainops/core'
import { createMinter } from '@chainops/lightning'
import { openAwsIssuanceResources } from '@chainops/lightning/aws'
import { createMintConsumerHandler } from '@chainops/lightning/lambda'
import { createPublicClient, http } from 'viem'
import { awsClientConfig } from './environment/awsClientConfig.ts'
import { readIssuanceSettings } from './environment/readIssuanceSettings.ts'
import { requireEnv } from './environment/requireEnv.ts'

const env = process.env
const { chain } = readIssuanceSettings(env)
const logger = createLogger({ level: 'info', bindings: { function: 'mint-consumer' } })

// The DynamoDB store (invoices, mint journal, nonces), the mint queue (for dead-lettering a
// malformed message with its reason) and the operator key.
const { store, queue, signerKey } = await openAwsIssuanceResources({
  clientConfig: awsClientConfig(env),
  tableName: requireEnv(env, 'CHAINOPS_TABLE'),
  queueName: requireEnv(env, 'CHAINOPS_MINT_QUEUE'),
  parameters: { operatorKey: requireEnv(env, 'CHAINOPS_OPERATOR_KEY_PARAMETER') },
})

// One minter per sending key. No lease: the FIFO message group `mint:<sender>` already makes this
// function the key's single writer. No watch: a record is acknowledged once its journal row
// (nonce, raw transaction, hash) is committed and broadcast, and the mint-watcher function drives
// it to MINTED, so the group never waits for a block. Transactions are signed here and sent raw
// to the public RPC.
const minter = createMinter({
  store,
  client: createPublicClient({ transport: http(chain.rpcUrl, { retryCount: 2, timeout: 10_000 }) }),
  signerKey,
  chainId: chain.chainId,
  lease: false,
  watch: false,
  logger,
})

export const handler = createMintConsumerHandler({ minter, queue, logger })
