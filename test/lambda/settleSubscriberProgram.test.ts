// The settle subscriber program as the lnd host runs it: settle-subscriber.tar.gz built by
// examples/lambda/build.ts, unpacked outside the checkout, `bin/subscriber` started twice (active
// and standby) with the environment @chainops/aws-stack's LightningNode gives its systemd unit,
// against lnd regtest and moto (DynamoDB, SQS FIFO, SSM).
import assert from 'node:assert/strict'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { Rational } from '@chainops/core'
import { DynamoDbStore, SqsQueue } from '@chainops/core/aws'
import { type LightningRegtest, type MotoServer, startLightningRegtest, startMoto, tempDir } from '@chainops/devnet'
import { bakeIssuanceMacaroons, createInvoice, getInvoiceStatus } from '@chainops/lightning'
import { pollUntil } from '@chainops/testkit'
import { pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
const TABLE = 'chainops-settle-program'
const QUEUE = 'chainops-settle-program-mint'
const BOUNDS = { minSats: 100n, maxSats: 100_000n, maxInvoiceExpirySeconds: 86_400 }

/**
 * The environment of the settle subscriber's systemd unit as @chainops/aws-stack's LightningNode
 * writes it (packages/aws-stack/test/chainopsStack.test.ts checks the synthesized unit holds
 * exactly these names), with this machine's values where the stack's are deploy-time (the table
 * and queue Refs, the region, the host's Node and lnd socket). The parameter names and node key
 * are the stack's own.
 */
function subscriberUnitEnvironment(local: {
  node: string
  region: string
  socket: string
  sender: string
}): Record<string, string> {
  return {
    CHAINOPS_NODE: local.node,
    AWS_REGION: local.region,
    CHAINOPS_TABLE: TABLE,
    CHAINOPS_MINT_QUEUE: QUEUE,
    CHAINOPS_LND_SOCKET: local.socket,
    CHAINOPS_LND_CERT_PARAMETER: '/chainops/lnd/tls-cert',
    CHAINOPS_LND_MACAROON_PARAMETER: '/chainops/lnd/readonly-macaroon',
    CHAINOPS_SETTLE_NODE: 'lnd',
    CHAINOPS_SENDERS: local.sender,
    CHAINOPS_MAX_INVOICE_EXPIRY_SECONDS: String(BOUNDS.maxInvoiceExpirySeconds),
  }
}

type Subscriber = {
  child: ChildProcess
  lines: Array<Record<string, unknown>>
  output: () => string
  exited: Promise<number | null>
}

describe('the settle subscriber program (settle-subscriber.tar.gz) @integration', function () {
  this.timeout(600_000)
  let dir: string
  let ln: LightningRegtest
  let moto: MotoServer
  let store: DynamoDbStore
  let queue: SqsQueue
  let installDir: string
  let env: Record<string, string>
  let unitEnv: Record<string, string>
  /** The read-only macaroon in base64 and hex, and the admin one: never in any output. */
  let secretTexts: string[]
  const subscribers: Subscriber[] = []
  const sender = privateKeyToAccount(generatePrivateKey()).address
  const recipient = privateKeyToAccount(generatePrivateKey()).address
  const queued = new Map<string, number>()

  const start = (variables: Record<string, string>): Subscriber => {
    const child = spawn(join(installDir, 'bin/subscriber'), [], {
      cwd: installDir,
      env: variables,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    const lines: Array<Record<string, unknown>> = []
    const collect = (chunk: Buffer) => {
      text += chunk.toString('utf8')
      lines.length = 0
      for (const line of text.split('\n'))
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const subscriber = { child, lines, output: () => text, exited }
    subscribers.push(subscriber)
    return subscriber
  }
  const logged = (subscriber: Subscriber, msg: string) => subscriber.lines.filter((line) => line.msg === msg)

  /** Invoices created through the store (bob's invoice macaroon), paid from alice. */
  const payInvoices = async (count: number) => {
    const bob = ln.nodes.bob as NonNullable<LightningRegtest['nodes']['bob']>
    const hashes: string[] = []
    for (let i = 0; i < count; i++) {
      const invoice = await createInvoice({
        lnd: bob.lnd,
        store,
        address: recipient,
        sats: 1_000n + BigInt(i),
        bounds: BOUNDS,
        rate: new Rational(10n ** 10n),
      })
      await pay({
        lnd: (ln.nodes.alice as NonNullable<LightningRegtest['nodes']['alice']>).lnd,
        request: invoice.request,
      })
      hashes.push(invoice.paymentHash)
    }
    return hashes
  }

  /** Every hash PAID, then the queue drained: each hash's mint message exactly once (across the test). */
  const assertPaidAndQueuedOnce = async (hashes: string[]) => {
    for (const paymentHash of hashes)
      await pollUntil({
        description: `invoice ${paymentHash} PAID`,
        condition: async () => (await getInvoiceStatus({ store, paymentHash }))?.state === 'PAID',
        timeoutMs: 60_000,
        intervalMs: 250,
      })
    await pollUntil({
      description: 'every mint message',
      condition: async () => {
        for (const message of await queue.receive({ max: 10, visibilityTimeoutMs: 600_000 })) {
          const { paymentHash } = JSON.parse(message.body) as { paymentHash: string }
          queued.set(paymentHash, (queued.get(paymentHash) ?? 0) + 1)
          // deleted, as the consumer does: a FIFO group delivers nothing more while one is in flight
          await queue.delete(message.receiptHandle)
        }
        return hashes.every((hash) => queued.has(hash))
      },
      timeoutMs: 30_000,
      intervalMs: 250,
    })
    // Nothing more arrives (a second send of one hash would be a second message).
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    for (const message of await queue.receive({ max: 10, visibilityTimeoutMs: 600_000 })) {
      const { paymentHash } = JSON.parse(message.body) as { paymentHash: string }
      queued.set(paymentHash, (queued.get(paymentHash) ?? 0) + 1)
      await queue.delete(message.receiptHandle)
    }
    for (const hash of hashes) assert.equal(queued.get(hash), 1, `${hash} queued once`)
  }

  before(async () => {
    dir = await tempDir('settle-program')
    const [build, lnPart, motoPart] = await Promise.allSettled([
      run(process.execPath, [join(root, 'examples/lambda/build.ts'), '--out', join(dir, 'dist'), '--json'], {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      }),
      startLightningRegtest({
        label: 'settle-program',
        nodes: [{ name: 'alice' }, { name: 'bob' }],
        channels: [{ from: 'alice', to: 'bob', capacitySats: 1_000_000n }],
      }),
      startMoto(),
    ] as const)
    if (lnPart.status === 'fulfilled') ln = lnPart.value
    if (motoPart.status === 'fulfilled') moto = motoPart.value
    for (const part of [build, lnPart, motoPart]) if (part.status === 'rejected') throw part.reason
    if (build.status !== 'fulfilled') throw new Error('unreachable')
    const report = JSON.parse(build.value.stdout) as {
      programs: Array<{ name: string; archivePath: string; externalImports: string[] }>
      findings: string[]
    }
    assert.deepEqual(report.findings, [])
    const program = report.programs.find((p) => p.name === 'settle-subscriber')
    assert.ok(program)
    // The AWS SDK is inside the bundle (no runtime provides it on the host); lightning ships beside it.
    assert.deepEqual(program.externalImports, ['lightning'])

    // Unpacked outside the checkout, as on the host: nothing resolves from the workspace.
    installDir = join(dir, 'opt', 'settle-subscriber')
    assert.equal(installDir.startsWith(root), false, `${installDir} is inside ${root}`)
    await mkdir(installDir, { recursive: true })
    await run('tar', ['-xzf', program.archivePath, '-C', installDir])

    const bob = ln.nodes.bob as NonNullable<LightningRegtest['nodes']['bob']>
    unitEnv = subscriberUnitEnvironment({
      node: process.execPath,
      region: moto.clientConfig.region,
      socket: bob.socket,
      sender,
    })
    const macaroons = await bakeIssuanceMacaroons({ lnd: bob.lnd })
    secretTexts = [macaroons.readOnly, macaroons.invoice, bob.macaroon].flatMap((macaroon) => [
      macaroon.reveal(),
      Buffer.from(macaroon.reveal(), 'base64').toString('hex'),
    ])
    // The parameters under the names the stack gives the unit: lnd's certificate (base64 of the PEM,
    // as LightningNode decodes it into tls.cert) and the read-only macaroon.
    const ssm = new SSMClient(moto.clientConfig)
    for (const [Name, Value] of [
      [unitEnv.CHAINOPS_LND_CERT_PARAMETER as string, bob.cert],
      [unitEnv.CHAINOPS_LND_MACAROON_PARAMETER as string, macaroons.readOnly.reveal()],
    ] as const)
      await ssm.send(new PutParameterCommand({ Name, Value, Type: 'SecureString', Overwrite: true }))
    ssm.destroy()
    store = new DynamoDbStore({ tableName: TABLE, clientConfig: moto.clientConfig })
    queue = new SqsQueue({ name: QUEUE, clientConfig: moto.clientConfig })
    await store.ensureTable()
    await queue.ensureQueues()

    env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...unitEnv }
    // moto: its endpoint and test credentials (in AWS: the instance role's)
    Object.assign(env, {
      CHAINOPS_AWS_ENDPOINT: moto.endpoint,
      AWS_ACCESS_KEY_ID: moto.clientConfig.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: moto.clientConfig.credentials.secretAccessKey,
      CHAINOPS_SETTLE_LEASE_TTL_MS: '3000',
    })
  })

  after(async () => {
    for (const subscriber of subscribers) if (subscriber.child.exitCode === null) subscriber.child.kill('SIGKILL')
    await queue?.close()
    await store?.close()
    await Promise.allSettled([ln?.stop(), moto?.stop()])
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('exits 1 naming a missing variable, an empty sender or a missing SSM parameter', async () => {
    for (const missing of ['CHAINOPS_LND_MACAROON_PARAMETER', 'CHAINOPS_SENDERS']) {
      const { [missing]: _unset, ...partial } = env
      const broken = start(partial)
      assert.equal(await broken.exited, 1)
      const [line] = logged(broken, 'cannot start')
      assert.equal(line?.code, 'LAMBDA_CONFIG_MISSING')
      assert.match(broken.output(), new RegExp(`set ${missing} in the settle subscriber's environment`))
    }
    const badSender = start({ ...env, CHAINOPS_SENDERS: `${sender},` })
    assert.equal(await badSender.exited, 1)
    assert.match(badSender.output(), /CHAINOPS_SENDERS: entry 1 is empty/)
    const absent = start({ ...env, CHAINOPS_LND_MACAROON_PARAMETER: '/chainops/lnd/absent-macaroon' })
    assert.equal(await absent.exited, 1)
    assert.equal(logged(absent, 'cannot start')[0]?.code, 'SECRET_NOT_FOUND')
    assert.match(absent.output(), /\/chainops\/lnd\/absent-macaroon/)
  })

  it('runs active/standby: each paid invoice PAID and queued once; after SIGKILL of the active one the standby takes over; SIGTERM stops cleanly', async () => {
    const first = start(env)
    const second = start(env)
    await pollUntil({
      description: 'both subscribers started',
      condition: () => logged(first, 'started').length === 1 && logged(second, 'started').length === 1,
      timeoutMs: 60_000,
    })
    const active = await pollUntil({
      description: 'one subscriber active',
      condition: () => [first, second].find((s) => logged(s, 'subscribed').length > 0),
      timeoutMs: 60_000,
    })
    const standby = active === first ? second : first
    assert.equal(logged(standby, 'lease_acquired').length, 0)

    const before = await payInvoices(2)
    await assertPaidAndQueuedOnce(before)
    assert.deepEqual(
      logged(active, 'settled')
        .map((line) => [line.paymentHash, line.outcome])
        .sort(),
      before.map((hash) => [hash, 'paid']).sort(),
    )
    assert.equal(logged(standby, 'settled').length, 0)

    const killedAt = Date.now()
    active.child.kill('SIGKILL')
    assert.equal(await active.exited, null)
    const after = await payInvoices(2)
    await pollUntil({
      description: 'the standby active',
      condition: () => logged(standby, 'subscribed').length > 0,
      timeoutMs: 60_000,
    })
    const [acquired] = logged(standby, 'lease_acquired')
    // a SIGKILLed holder on this host is replaced at its standby's next poll, not after the TTL
    console.log(`      takeover after SIGKILL: ${Date.parse(String(acquired?.time)) - killedAt} ms (lease TTL 3000 ms)`)
    await assertPaidAndQueuedOnce(after)
    assert.deepEqual([...queued.keys()].sort(), [...before, ...after].sort())
    for (const hash of after)
      assert.equal(
        logged(standby, 'settled').filter((line) => line.paymentHash === hash && line.outcome === 'paid').length,
        1,
      )

    standby.child.kill('SIGTERM')
    assert.equal(await standby.exited, 0)
    assert.equal(logged(standby, 'stopped').length, 1)

    for (const subscriber of subscribers)
      for (const text of secretTexts)
        assert.equal(subscriber.output().includes(text), false, 'a macaroon in the output')
  })
})
