// The Lambda functions of examples/lambda as a team deploys them: built by examples/lambda/build.ts
// into zips, each unpacked and run inside the real Lambda runtime (aws-lambda-rie + aws-lambda-ric
// on the project's Node), invoked with real API Gateway v2 and SQS event payloads, against moto
// (DynamoDB, SQS FIFO, SSM), lnd regtest and a geth Clique chain.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { DynamoDbStore, SqsQueue } from '@chainops/core/aws'
import {
  type GethCliqueNetwork,
  type LightningRegtest,
  type MotoServer,
  startGethClique,
  startLightningRegtest,
  startMoto,
  tempDir,
} from '@chainops/devnet'
import {
  bakeIssuanceMacaroons,
  getInvoiceStatus,
  type MintJournalRow,
  minterTxPoolArgs,
  type SettleSubscriber,
  startSettleSubscriber,
} from '@chainops/lightning'
import { toSqsEvent } from '@chainops/lightning/lambda'
import { apiGatewayEvent, pollUntil } from '@chainops/testkit'
import type { APIGatewayProxyStructuredResultV2, SQSBatchResponse } from 'aws-lambda'
import { authenticatedLndGrpc, pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { createPublicClient, getAddress, http, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { type LambdaEmulator, startLambdaEmulator } from './support/startLambdaEmulator.ts'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
const require = createRequire(import.meta.url)

type BuiltFunction = { name: string; zipPath: string; bundleBytes: number; zipBytes: number; externalImports: string[] }
type BuildReport = {
  functions: BuiltFunction[]
  budgets: Record<string, { bundleBytes: number; zipBytes: number } | string>
  findings: string[]
}

type WatcherResult = { status: string; rounds: number; open: number; minted: number; failed: number; feeBumps: number }

/** What an EventBridge schedule (`rate(1 minute)`) sends the watcher function. */
function scheduledEvent(region: string) {
  return {
    version: '0',
    id: 'c0ffee00-0000-4000-8000-000000000001',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws:events:${region}:123456789012:rule/chainops-mint-watcher`],
    detail: {},
  }
}

const RATE = 10n ** 10n
const SATS = 2_500n
const TABLE = 'chainops-lambda'
const QUEUE = 'chainops-lambda-mint'
const PARAMETERS = {
  operatorKey: '/chainops/lambda/operator-key',
  /** A second sending key, for the K = 2 consumer. */
  secondOperatorKey: '/chainops/lambda/operator-key-1',
  invoiceMacaroon: '/chainops/lambda/invoice-macaroon',
  readOnlyMacaroon: '/chainops/lambda/readonly-macaroon',
}

describe('Lambda bundles in the Lambda runtime emulator @integration', function () {
  this.timeout(600_000)
  let dir: string
  let report: BuildReport
  let geth: GethCliqueNetwork
  let ln: LightningRegtest
  let moto: MotoServer
  let client: PublicClient
  let store: DynamoDbStore
  let queue: SqsQueue
  let subscriber: SettleSubscriber | undefined
  let functionEnv: Record<string, string>
  /** Every form a secret of this test could take in a log line (the key; each macaroon in base64 and hex). */
  let secretTexts: string[]
  const functions = new Map<string, LambdaEmulator>()
  const operatorKey = generatePrivateKey()
  const operator = privateKeyToAccount(operatorKey).address
  const secondOperatorKey = generatePrivateKey()

  before(async () => {
    dir = await tempDir('lambda-runtime')
    // The build a team runs, as a command: zips, sizes and the budget check in its report.
    const [build, ...stack] = await Promise.allSettled([
      run(process.execPath, [join(root, 'examples/lambda/build.ts'), '--out', join(dir, 'dist'), '--json'], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      }),
      startGethClique({
        sealers: 1,
        period: 1,
        label: 'lambda',
        prefund: [{ address: operator, balanceWei: 10n ** 24n }],
        extraArgs: minterTxPoolArgs(),
      }),
      startLightningRegtest({
        label: 'lambda',
        nodes: [{ name: 'alice' }, { name: 'bob' }],
        channels: [{ from: 'alice', to: 'bob', capacitySats: 1_000_000n }],
      }),
      startMoto(),
    ] as const)
    const [gethPart, lnPart, motoPart] = stack
    if (gethPart.status === 'fulfilled') geth = gethPart.value
    if (lnPart.status === 'fulfilled') ln = lnPart.value
    if (motoPart.status === 'fulfilled') moto = motoPart.value
    for (const part of [build, ...stack]) if (part.status === 'rejected') throw part.reason
    if (build.status !== 'fulfilled') throw new Error('unreachable')
    report = JSON.parse(build.value.stdout) as BuildReport

    const bob = ln.nodes.bob
    assert.ok(bob)
    const rpcUrl = (geth.rpc ?? geth.sealers[0])?.rpcUrl as string
    client = createPublicClient({ transport: http(rpcUrl, { retryCount: 3, retryDelay: 200 }) })

    // Secrets in SSM (SecureString): the operator key and bob's two least-privilege macaroons.
    const macaroons = await bakeIssuanceMacaroons({ lnd: bob.lnd })
    secretTexts = [
      operatorKey,
      operatorKey.slice(2),
      secondOperatorKey,
      secondOperatorKey.slice(2),
      ...[macaroons.invoice, macaroons.readOnly, bob.macaroon].flatMap((macaroon) => [
        macaroon.reveal(),
        Buffer.from(macaroon.reveal(), 'base64').toString('hex'),
      ]),
    ]
    const ssm = new SSMClient(moto.clientConfig)
    for (const [Name, Value] of [
      [PARAMETERS.operatorKey, operatorKey],
      [PARAMETERS.secondOperatorKey, secondOperatorKey],
      [PARAMETERS.invoiceMacaroon, macaroons.invoice.reveal()],
      [PARAMETERS.readOnlyMacaroon, macaroons.readOnly.reveal()],
    ] as const)
      await ssm.send(new PutParameterCommand({ Name, Value, Type: 'SecureString', Overwrite: true }))
    ssm.destroy()
    // The table and queues come from infrastructure code in AWS; here from the adapters.
    store = new DynamoDbStore({ tableName: TABLE, clientConfig: moto.clientConfig })
    queue = new SqsQueue({ name: QUEUE, clientConfig: moto.clientConfig })
    await store.ensureTable()
    await queue.ensureQueues()

    // Each zip unpacked as Lambda does. The AWS SDK v3 is the runtime's in AWS (the bundles leave
    // it out); this Node has none, so the SDK the workspace tests with sits in a node_modules
    // ABOVE the task root, where ES module resolution finds it and the zip stays as deployed.
    const runtimeDir = join(dir, 'runtime')
    // Outside the workspace, so nothing resolves from its node_modules: the zip has to be whole.
    assert.equal(runtimeDir.startsWith(root), false, `${runtimeDir} is inside ${root}`)
    for (const name of ['client-dynamodb', 'client-sqs', 'client-ssm']) {
      const target = join(runtimeDir, 'node_modules', '@aws-sdk', name)
      await mkdir(dirname(target), { recursive: true })
      await symlink(dirname(require.resolve(`@aws-sdk/${name}/package.json`)), target)
    }
    functionEnv = {
      AWS_REGION: moto.clientConfig.region,
      AWS_ACCESS_KEY_ID: moto.clientConfig.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.clientConfig.credentials.secretAccessKey,
      CHAINOPS_AWS_ENDPOINT: moto.endpoint,
      CHAINOPS_TABLE: TABLE,
      CHAINOPS_MINT_QUEUE: QUEUE,
      CHAINOPS_RATE: RATE.toString(),
      CHAINOPS_MIN_SATS: '100',
      CHAINOPS_MAX_SATS: '100000',
      CHAINOPS_RPC_URL: rpcUrl,
      CHAINOPS_CHAIN_ID: String(geth.chainId),
      CHAINOPS_LND_SOCKET: bob.socket,
      CHAINOPS_LND_CERT: bob.cert,
      CHAINOPS_INVOICE_MACAROON_PARAMETER: PARAMETERS.invoiceMacaroon,
      CHAINOPS_READONLY_MACAROON_PARAMETER: PARAMETERS.readOnlyMacaroon,
      CHAINOPS_OPERATOR_KEY_PARAMETER: PARAMETERS.operatorKey,
    }
    for (const fn of report.functions) {
      const taskRoot = join(runtimeDir, fn.name)
      await mkdir(taskRoot, { recursive: true })
      await run('python3', ['-m', 'zipfile', '-e', fn.zipPath, taskRoot])
      functions.set(
        fn.name,
        await startLambdaEmulator({
          name: fn.name,
          taskRoot,
          env: functionEnv,
          // The watcher runs rounds until its deadline less 5 s: a short timeout keeps each invocation short.
          timeoutSeconds: fn.name === 'mint-watcher' ? 7 : 60,
          logPath: join(dir, `${fn.name}.log`),
        }),
      )
    }

    // The settle subscriber runs beside lnd (a long-lived process, not a Lambda): in-process here.
    subscriber = startSettleSubscriber({
      lnd: authenticatedLndGrpc({ cert: bob.cert, socket: bob.socket, macaroon: macaroons.readOnly.reveal() }).lnd,
      store,
      queue,
      nodeKey: bob.publicKey,
      sender: operator,
    })
  })

  after(async () => {
    await subscriber?.stop()
    for (const fn of functions.values()) {
      const durations = await fn.initDurationsMs().catch(() => [])
      if (durations.length > 0)
        console.log(`      ${fn.name}: cold start (INIT) ${durations.map((d) => `${d.toFixed(0)} ms`).join(', ')}`)
      await fn.stop()
    }
    await queue?.close()
    await store?.close()
    await Promise.allSettled([geth?.stop(), ln?.stop(), moto?.stop()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('builds one zip per function, each within its budget in examples/lambda/budgets.json', async () => {
    const budgets = JSON.parse(
      await readFile(join(root, 'examples/lambda/budgets.json'), 'utf8'),
    ) as BuildReport['budgets']
    assert.deepEqual(
      report.functions.map((fn) => fn.name),
      ['invoice-api', 'mint-consumer', 'mint-watcher'],
    )
    assert.deepEqual(report.findings, [])
    for (const fn of report.functions) {
      const budget = budgets[fn.name]
      assert.ok(typeof budget === 'object', `${fn.name} has a budget`)
      assert.equal((await stat(fn.zipPath)).size, fn.zipBytes)
      assert.ok(fn.bundleBytes <= budget.bundleBytes, `${fn.name} bundle ${fn.bundleBytes} <= ${budget.bundleBytes}`)
      assert.ok(fn.zipBytes <= budget.zipBytes, `${fn.name} zip ${fn.zipBytes} <= ${budget.zipBytes}`)
      console.log(`      ${fn.name}: index.mjs ${fn.bundleBytes} bytes, zip ${fn.zipBytes} bytes`)
    }
    // lightning reads its .proto and wasm files from disk: shipped, never bundled. The AWS SDK is the runtime's.
    const api = report.functions.find((fn) => fn.name === 'invoice-api')
    assert.deepEqual(api?.externalImports, ['@aws-sdk/client-dynamodb', '@aws-sdk/client-ssm', 'lightning'])
    const consumer = report.functions.find((fn) => fn.name === 'mint-consumer')
    assert.deepEqual(consumer?.externalImports, [
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-sqs',
      '@aws-sdk/client-ssm',
    ])
    const watcher = report.functions.find((fn) => fn.name === 'mint-watcher')
    assert.deepEqual(watcher?.externalImports, ['@aws-sdk/client-dynamodb', '@aws-sdk/client-ssm'])
  })

  it('fails the build (exit 1) naming each limit a function is over, and a function without a budget', async () => {
    const tight = join(dir, 'tight-budgets.json')
    await writeFile(
      tight,
      JSON.stringify({
        'invoice-api': { bundleBytes: 1000, zipBytes: 10_000_000 },
        'mint-consumer': { bundleBytes: 10_000_000, zipBytes: 1000 },
      }),
    )
    const build = run(
      process.execPath,
      [join(root, 'examples/lambda/build.ts'), '--out', join(dir, 'tight'), '--json', '--budgets', tight],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    )
    const failure = (await build.then(
      () => assert.fail('the build passed over budget'),
      (error: unknown) => error,
    )) as { code: number; stdout: string }
    assert.equal(failure.code, 1)
    const tightReport = JSON.parse(failure.stdout) as BuildReport
    const sizeOf = (name: string) => tightReport.functions.find((fn) => fn.name === name) as BuiltFunction
    assert.deepEqual(tightReport.findings, [
      `invoice-api: bundleBytes ${sizeOf('invoice-api').bundleBytes} is over its budget of 1000`,
      `mint-consumer: zipBytes ${sizeOf('mint-consumer').zipBytes} is over its budget of 1000`,
      'mint-watcher: no budget (add one to the budgets file)',
      'settle-subscriber: no budget (add one to the budgets file)',
    ])
  })

  it('fails a cold start with LAMBDA_CONFIG_MISSING naming the unset variable, never a secret', async () => {
    const { CHAINOPS_OPERATOR_KEY_PARAMETER: _unset, ...env } = functionEnv
    const broken = await startLambdaEmulator({
      name: 'mint-watcher-unconfigured',
      taskRoot: join(dir, 'runtime', 'mint-watcher'),
      env,
      logPath: join(dir, 'mint-watcher-unconfigured.log'),
    })
    try {
      await assert.rejects(broken.invoke(scheduledEvent(moto.clientConfig.region)), (error: Error) => {
        assert.match(error.message, /LAMBDA_CONFIG_MISSING/)
        assert.match(error.message, /set CHAINOPS_OPERATOR_KEY_PARAMETER in the function's configuration/)
        for (const text of secretTexts) assert.equal(error.message.includes(text), false)
        return true
      })
    } finally {
      await broken.stop()
    }
  })

  it('creates an invoice through the API function, and after payment mints it once through the consumer and watcher functions', async () => {
    const api = functions.get('invoice-api') as LambdaEmulator
    const consumer = functions.get('mint-consumer') as LambdaEmulator
    const watcher = functions.get('mint-watcher') as LambdaEmulator
    const recipient = getAddress(privateKeyToAccount(generatePrivateKey()).address)

    const created = await api.invoke<APIGatewayProxyStructuredResultV2>(
      apiGatewayEvent({
        method: 'POST',
        rawPath: '/invoices',
        body: JSON.stringify({ address: recipient, sats: Number(SATS) }),
      }),
    )
    assert.equal(created.statusCode, 201, String(created.body))
    const invoice = JSON.parse(created.body as string) as { paymentHash: string; request: string; state: string }
    assert.equal(invoice.state, 'PENDING')

    await pay({ lnd: ln.nodes.alice?.lnd as NonNullable<typeof ln.nodes.alice>['lnd'], request: invoice.request })
    // The subscriber records it PAID and queues one mint message (dedup id: the payment hash).
    const messages = await pollUntil({
      description: 'the mint message',
      condition: async () => {
        const received = await queue.receive({ max: 10, visibilityTimeoutMs: 120_000 })
        return received.length > 0 ? received : undefined
      },
      timeoutMs: 60_000,
      intervalMs: 250,
    })
    assert.equal(messages.length, 1)
    assert.equal((JSON.parse(messages[0]?.body as string) as { paymentHash: string }).paymentHash, invoice.paymentHash)

    // The SQS event source mapping's part: the batch as an SQSEvent, then delete what did not fail.
    const event = toSqsEvent(messages, {
      eventSourceArn: `arn:aws:sqs:${moto.clientConfig.region}:123456789012:${QUEUE}.fifo`,
      awsRegion: moto.clientConfig.region,
    })
    // Acknowledged once journaled and broadcast: the record stays PAID, with its one journal row.
    const answer = await consumer.invoke<SQSBatchResponse>(event)
    assert.deepEqual(answer, { batchItemFailures: [] })
    for (const message of messages) await queue.delete(message.receiptHandle)
    assert.equal((await getInvoiceStatus({ store, paymentHash: invoice.paymentHash }))?.state, 'PAID')
    const journaled = await store.list<MintJournalRow>('mint_journal')
    assert.equal(journaled.records.length, 1)
    // Redelivered while the mint is in flight: the same journal row (same nonce, same transaction), acknowledged again.
    assert.deepEqual(await consumer.invoke<SQSBatchResponse>(event), { batchItemFailures: [] })
    assert.deepEqual(
      (await store.list<MintJournalRow>('mint_journal')).records.map((record) => [
        record.value.nonce,
        record.value.txHash,
      ]),
      [[journaled.records[0]?.value.nonce, journaled.records[0]?.value.txHash]],
    )

    // The watcher's scheduled invocations (EventBridge's event) until a receipt moves it to MINTED.
    let mintedByWatcher = 0
    const minted = await pollUntil({
      description: 'the invoice MINTED by the watcher function',
      condition: async () => {
        const result = await watcher.invoke<WatcherResult>(scheduledEvent(moto.clientConfig.region))
        assert.equal(result.status, 'ran')
        mintedByWatcher += result.minted
        const status = await getInvoiceStatus({ store, paymentHash: invoice.paymentHash })
        return status?.state === 'MINTED' ? status : undefined
      },
      timeoutMs: 90_000,
      intervalMs: 0,
    })
    assert.equal(mintedByWatcher, 1)
    const mintWei = SATS * RATE
    assert.equal(await client.getBalance({ address: recipient }), mintWei)
    assert.equal(await client.getTransactionCount({ address: operator }), 1)
    const journal = await store.list<MintJournalRow>('mint_journal')
    assert.deepEqual(
      journal.records.map((record) => [record.value.paymentHash, record.value.nonce, record.value.to]),
      [[invoice.paymentHash, '0', recipient]],
    )

    // A redelivery of the same SQS event (as after a lost delete): handled, and nothing changes.
    assert.deepEqual(await consumer.invoke<SQSBatchResponse>(event), { batchItemFailures: [] })
    assert.equal(await client.getBalance({ address: recipient }), mintWei)
    assert.equal(await client.getTransactionCount({ address: operator }), 1)
    assert.equal((await store.list('mint_journal')).records.length, 1)
    assert.deepEqual(await getInvoiceStatus({ store, paymentHash: invoice.paymentHash }), minted)
    // And the next scheduled run finds nothing open.
    const idle = await watcher.invoke<WatcherResult>(scheduledEvent(moto.clientConfig.region))
    assert.deepEqual({ ...idle, rounds: 0 }, { status: 'ran', rounds: 0, open: 0, minted: 0, failed: 0, feeBumps: 0 })

    // And the API function reports it MINTED, through a named stage's path.
    const status = await api.invoke<APIGatewayProxyStructuredResultV2>(
      apiGatewayEvent({ method: 'GET', rawPath: `/prod/invoices/${invoice.paymentHash}`, stage: 'prod' }),
    )
    assert.equal(status.statusCode, 200)
    const body = JSON.parse(status.body as string) as Record<string, string>
    assert.equal(body.state, 'MINTED')
    assert.equal(body.mintWei, mintWei.toString())

    // Nothing secret in any answer or in any line the functions logged.
    for (const text of secretTexts) {
      for (const answerText of [created.body, status.body]) assert.equal(String(answerText).includes(text), false)
      for (const fn of functions.values()) assert.equal((await readFile(fn.logPath, 'utf8')).includes(text), false)
    }
  })
  it('runs one consumer for K = 2 keys (CHAINOPS_OPERATOR_KEY_PARAMETERS): each record goes to its group key, an unknown group is retried', async () => {
    // Runs after the mint above: its invoice is MINTED by the first key.
    const [row] = (await store.list<MintJournalRow>('mint_journal')).records
    assert.ok(row, 'the first test minted one invoice')
    const { CHAINOPS_OPERATOR_KEY_PARAMETER: _one, ...shared } = functionEnv
    const start = (name: string, env: Record<string, string>) =>
      startLambdaEmulator({
        name,
        taskRoot: join(dir, 'runtime', 'mint-consumer'),
        env,
        logPath: join(dir, `${name}.log`),
      })
    const consumer = await start('mint-consumer-k2', {
      ...shared,
      CHAINOPS_OPERATOR_KEY_PARAMETERS: `${PARAMETERS.operatorKey}, ${PARAMETERS.secondOperatorKey}`,
    })
    try {
      const body = JSON.stringify({ v: 1, paymentHash: row.value.paymentHash })
      const stranger = privateKeyToAccount(generatePrivateKey()).address.toLowerCase()
      await queue.send({
        body,
        dedupId: `k2-known-${row.value.paymentHash}`,
        groupId: `mint:${operator.toLowerCase()}`,
      })
      await queue.send({ body, dedupId: `k2-unknown-${row.value.paymentHash}`, groupId: `mint:${stranger}` })
      const messages: Awaited<ReturnType<SqsQueue['receive']>> = []
      await pollUntil({
        description: 'the two messages',
        condition: async () => {
          messages.push(...(await queue.receive({ max: 10, visibilityTimeoutMs: 120_000 })))
          return messages.length >= 2 ? true : undefined
        },
        timeoutMs: 30_000,
        intervalMs: 250,
      })
      const unknown = messages.find((message) => message.groupId === `mint:${stranger}`)
      assert.ok(unknown)
      const answer = await consumer.invoke<SQSBatchResponse>(
        toSqsEvent(messages, {
          eventSourceArn: `arn:aws:sqs:${moto.clientConfig.region}:123456789012:${QUEUE}.fifo`,
          awsRegion: moto.clientConfig.region,
        }),
      )
      // The first key's record is MINTED: handled, never minted again; no key sends for a stranger's group.
      assert.deepEqual(answer, { batchItemFailures: [{ itemIdentifier: unknown.messageId }] })
      for (const message of messages) await queue.delete(message.receiptHandle)
      assert.equal(await client.getTransactionCount({ address: operator }), 1)
      assert.equal(await client.getTransactionCount({ address: privateKeyToAccount(secondOperatorKey).address }), 0)
      assert.equal((await store.list('mint_journal')).records.length, 1)
      for (const text of secretTexts) assert.equal((await readFile(consumer.logPath, 'utf8')).includes(text), false)
    } finally {
      await consumer.stop()
    }

    // A missing key parameter fails the cold start naming it; both variables set is refused.
    for (const [name, env, message] of [
      [
        'mint-consumer-k2-missing',
        { ...shared, CHAINOPS_OPERATOR_KEY_PARAMETERS: `${PARAMETERS.operatorKey},/chainops/lambda/no-such-key` },
        /SECRET_NOT_FOUND[\s\S]*\/chainops\/lambda\/no-such-key/,
      ],
      [
        'mint-consumer-k2-both',
        { ...functionEnv, CHAINOPS_OPERATOR_KEY_PARAMETERS: PARAMETERS.secondOperatorKey },
        /LAMBDA_CONFIG_INVALID/,
      ],
    ] as const) {
      const broken = await start(name, env)
      try {
        await assert.rejects(broken.invoke({ Records: [] }), (error: Error) => {
          assert.match(error.message, message)
          for (const text of secretTexts) assert.equal(error.message.includes(text), false)
          return true
        })
      } finally {
        await broken.stop()
      }
    }
  })
})
