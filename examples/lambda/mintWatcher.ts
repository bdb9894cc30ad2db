// The receipt watcher function: an EventBridge schedule (`rate(1 minute)`, function timeout about
// 60 s, reserved concurrency 1) invokes it for one sending key. Each invocation takes the key's
// watcher lease and, until its deadline, moves the mints the consumer journaled to MINTED from
// the chain's receipts, resending what the node's pool lost and fee-bumping stuck ones at the
// same nonce. Bundled by build.ts into mint-watcher.zip (handler `index.handler`, runtime
// nodejs22.x).
//
// Configuration is the environment (see README.md); the operator key (fee bumps re-sign at the
// journaled nonce) is an SSM SecureString parameter read once, at cold start, and never logged.
import { createLogger } from '@chainops/core'
import { DynamoDbStore, ssmSecretSource } from '@chainops/core/aws'
import { parseOperatorKey } from '@chainops/lightning'
import { createMintWatcherHandler } from '@chainops/lightning/lambda'
import { createPublicClient, http } from 'viem'
import { awsClientConfig } from './environment/awsClientConfig.ts'
import { readIssuanceSettings } from './environment/readIssuanceSettings.ts'
import { requireEnv } from './environment/requireEnv.ts'

const env = process.env
const { chain } = readIssuanceSettings(env)
const clientConfig = awsClientConfig(env)
const logger = createLogger({ level: 'info', bindings: { function: 'mint-watcher' } })

const operatorKeyParameter = requireEnv(env, 'CHAINOPS_OPERATOR_KEY_PARAMETER')
const signerKey = parseOperatorKey({
  key: await ssmSecretSource({ clientConfig }).get(operatorKeyParameter),
  source: `SSM parameter ${operatorKeyParameter}`,
})

export const handler = createMintWatcherHandler({
  watcher: {
    store: new DynamoDbStore({ tableName: requireEnv(env, 'CHAINOPS_TABLE'), clientConfig }),
    client: createPublicClient({ transport: http(chain.rpcUrl, { retryCount: 2, timeout: 10_000 }) }),
    signerKey,
    chainId: chain.chainId,
    // Shown to an overlapping invocation that finds the lease held.
    lease: {
      holder: `${env.AWS_LAMBDA_FUNCTION_NAME ?? 'mint-watcher'}/${env.AWS_LAMBDA_LOG_STREAM_NAME ?? process.pid}`,
    },
  },
  logger,
})
