import assert from 'node:assert/strict'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { authenticatedLndGrpc, pay } from 'lightning'
import { createPublicClient, getAddress, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { formatExampleRuns } from '../src/demo/formatExampleRuns.ts'
import { chainops as runChainops } from './support/chainops.ts'
import { chainopsBin } from './support/chainopsBin.ts'

const run = promisify(execFile)

/** The devnet and the demo take minutes and print a lot: a longer timeout and a larger buffer. */
const chainops = (args: string[]) => runChainops(args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 })

/** `chainops serve` in the background; resolves with its API URL once it prints it. */
function startServe(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(chainopsBin, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /API (http:\/\/[\d.:]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1] as string, output: () => output })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}:\n${output}`))
    })
  })
}

function stopServe(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

describe('chainops serve, invoice create | status and demo @integration', function () {
  this.timeout(300_000)
  let dir: string
  let state: string
  let serving: ChildProcess | undefined

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-cli-issuance-'))
    state = join(dir, 'devnet.json')
    const up = await chainops(['devnet', 'up', '--state', state, '--sealers', '1', '--no-moto'])
    assert.equal(up.code, 0, up.stderr)
  })

  after(async () => {
    if (serving) await stopServe(serving)
    await chainops(['devnet', 'down', '--state', state])
    await rm(dir, { recursive: true, force: true })
  })

  it('serve on the devnet: an invoice created and followed from the CLI mints once, survives a restart of serve, and bad input is refused with the API code', async () => {
    const db = join(dir, 'issuance.db')
    const first = await startServe(['--state', state, '--db', db, '--port', '0'])
    serving = first.child
    const recipient = privateKeyToAccount(generatePrivateKey()).address

    const created = await chainops([
      'invoice',
      'create',
      '--api',
      first.url,
      '--address',
      recipient,
      '--sats',
      '4321',
      '--json',
    ])
    assert.equal(created.code, 0, created.stderr)
    const invoice = JSON.parse(created.stdout) as { paymentHash: string; request: string; state: string }
    assert.equal(invoice.state, 'PENDING')

    const endpoints = JSON.parse(await readFile(state, 'utf8')).endpoints
    const payerNode = endpoints.lightning.nodes.payer
    const payer = authenticatedLndGrpc({
      cert: (await readFile(payerNode.certPath)).toString('base64'),
      macaroon: (await readFile(payerNode.macaroonPath)).toString('base64'),
      socket: payerNode.socket,
    }).lnd
    await pay({ lnd: payer, request: invoice.request })

    const status = await chainops(['invoice', 'status', invoice.paymentHash, '--api', first.url, '--wait', '--json'])
    assert.equal(status.code, 0, status.stderr)
    const minted = JSON.parse(status.stdout) as Record<string, string>
    assert.equal(minted.state, 'MINTED')
    assert.equal(minted.mintWei, String(4321n * 10n ** 10n))
    const client = createPublicClient({ transport: http(endpoints.geth.rpcUrl) })
    assert.equal(await client.getBalance({ address: recipient }), 4321n * 10n ** 10n)

    const zero = await chainops([
      'invoice',
      'create',
      '--api',
      first.url,
      '--address',
      `0x${'0'.repeat(40)}`,
      '--sats',
      '1000',
    ])
    assert.equal(zero.code, 1)
    assert.match(zero.stderr, /INVOICE_ZERO_ADDRESS/)
    const tooMuch = await chainops([
      'invoice',
      'create',
      '--api',
      first.url,
      '--address',
      recipient,
      '--sats',
      '99999999',
    ])
    assert.equal(tooMuch.code, 1)
    assert.match(tooMuch.stderr, /INVOICE_AMOUNT_OUT_OF_BOUNDS/)
    const badUsage = await chainops(['invoice', 'status', 'nothex', '--api', first.url])
    assert.equal(badUsage.code, 2)

    assert.equal(await stopServe(first.child), 0, first.output())
    serving = undefined
    // Logs are JSON lines on stderr; the operator key (the devnet faucet key) is not in them.
    const operatorKey = (await readFile(endpoints.geth.faucet.keyFile, 'utf8')).trim()
    assert.ok(first.output().includes('"minted"'), 'serve logged its work')
    assert.equal(first.output().includes(operatorKey.slice(2)), false, 'the operator key in the output')
    // The float from the same database: the faucet (1M coins) is below the plan's threshold
    // (a quarter of 30M), so a refill to 30M is proposed, unsigned; with a smaller plan it is fine.
    const cold = privateKeyToAccount(generatePrivateKey()).address
    const low = await chainops(['float', '--state', state, '--db', db, '--cold-wallet', cold, '--json'])
    assert.equal(low.code, 1, low.stderr)
    const plan = JSON.parse(low.stdout)
    assert.equal(plan.status, 'low')
    assert.equal(plan.float.mints, 1)
    assert.equal(plan.proposal.from, cold)
    assert.equal(BigInt(plan.proposal.valueWei), 30_000_000n * 10n ** 18n - BigInt(plan.float.balanceWei))
    assert.match(plan.proposal.unsignedTx, /^0x02/)
    const fine = await chainops([
      'float',
      '--state',
      state,
      '--db',
      db,
      '--cold-wallet',
      cold,
      '--target-coins',
      '1000',
      '--threshold-coins',
      '10',
    ])
    assert.equal(fine.code, 0, fine.stderr)
    assert.match(fine.stdout, /status\s+ok/)
    // Two sending keys: each key's float and plan, the total, one refill per low key (consecutive cold nonces).
    const secondKey = privateKeyToAccount(generatePrivateKey()).address
    const keys = await chainops([
      'float',
      '--state',
      state,
      '--db',
      db,
      '--cold-wallet',
      cold,
      '--operator',
      endpoints.geth.faucet.address,
      '--operator',
      secondKey,
      '--json',
    ])
    assert.equal(keys.code, 1, keys.stderr)
    const perKey = JSON.parse(keys.stdout)
    assert.deepEqual(
      perKey.keys.map((key: { float: { operator: string; mints: number }; status: string }) => [
        key.float.operator,
        key.float.mints,
        key.status,
      ]),
      [
        [getAddress(endpoints.geth.faucet.address), 1, 'low'],
        [secondKey, 0, 'low'],
      ],
    )
    assert.equal(perKey.total.mints, 1)
    assert.equal(BigInt(perKey.total.balanceWei), BigInt(perKey.keys[0].float.balanceWei))
    assert.equal(perKey.keys[1].proposal.transaction.nonce, perKey.keys[0].proposal.transaction.nonce + 1)
    assert.equal(BigInt(perKey.keys[1].proposal.valueWei), 30_000_000n * 10n ** 18n)
    assert.equal(
      BigInt(perKey.totalRefillWei),
      BigInt(perKey.keys[0].proposal.valueWei) + BigInt(perKey.keys[1].proposal.valueWei),
    )
    const twice = await chainops([
      'float',
      '--state',
      state,
      '--db',
      db,
      '--cold-wallet',
      cold,
      '--operator',
      secondKey,
      '--operator',
      secondKey.toLowerCase(),
    ])
    assert.equal(twice.code, 2)
    assert.match(twice.stderr, /--operator: 0x[0-9a-fA-F]{40} is listed twice \(entries 0 and 1\)/)
    const keyTwice = await chainops([
      'serve',
      '--state',
      state,
      '--db',
      db,
      '--operator-key-file',
      endpoints.geth.faucet.keyFile,
      '--operator-key-file',
      endpoints.geth.faucet.keyFile,
    ])
    assert.equal(keyTwice.code, 2, keyTwice.stderr)
    assert.match(keyTwice.stderr, /--operator-key-file: .* is listed twice \(entries 0 and 1\)/)

    const unreachable = await chainops(['invoice', 'status', invoice.paymentHash, '--api', first.url])
    assert.equal(unreachable.code, 1)
    assert.match(unreachable.stderr, /CLI_API_UNREACHABLE/)

    // A second serve on the same database: the invoice is still MINTED, nothing is minted again.
    const second = await startServe(['--state', state, '--db', db, '--port', '0'])
    serving = second.child
    const again = await chainops(['invoice', 'status', invoice.paymentHash, '--api', second.url, '--json'])
    assert.equal(JSON.parse(again.stdout).mintTxHash, minted.mintTxHash)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    assert.equal(await client.getBalance({ address: recipient }), 4321n * 10n ** 10n)
  })

  it('examples/invoice-to-mint.ts runs against the same devnet', async () => {
    const script = fileURLToPath(new URL('../../../examples/invoice-to-mint.ts', import.meta.url))
    const { stdout } = await run(process.execPath, ['--disable-warning=DEP0123', script, '777'], {
      env: { ...process.env, CHAINOPS_DEVNET_STATE: state },
      timeout: 120_000,
    })
    assert.match(stdout, /invoice [0-9a-f]{64}: 777 sats to 0x[0-9a-fA-F]{40}/)
    assert.match(stdout, /minted in block \d+ by 0x[0-9a-f]{64}; 0x[0-9a-fA-F]{40} holds 0\.00000777 coins/)
  })

  it('demo (the README main command) pays an invoice on a fresh local stack, prints the mint, then how to run each example', async () => {
    // As the README runs it: human output, not --json.
    const demo = await chainops(['demo', '--sats', '1234'])
    assert.equal(demo.code, 0, demo.stderr)
    const field = (name: string) => {
      const match = new RegExp(`^${name} +(.+)$`, 'm').exec(demo.stdout)
      assert.ok(match, `no "${name}" line in:\n${demo.stdout}`)
      return match[1] as string
    }
    assert.match(field('payment hash'), /^[0-9a-f]{64}$/)
    assert.match(field('mint tx'), /^0x[0-9a-f]{64}$/)
    assert.equal(field('paid'), '1234 sats')
    assert.ok(Number(field('block')) >= 1)
    assert.equal(field('new balance'), `0.00001234 coins (${1234n * 10n ** 10n} wei)`)
    // The coins first, then the examples: the output ends with the example commands, each file named.
    assert.ok(demo.stdout.indexOf('new balance') < demo.stdout.indexOf('next: the examples'))
    assert.ok(demo.stdout.trimEnd().endsWith(formatExampleRuns()), demo.stdout)
    for (const step of ['starting the local stack', 'invoice ', 'paying it from the payer node', 'minted in block'])
      assert.ok(demo.stderr.includes(step), `progress line "${step}" missing:\n${demo.stderr}`)
  })
})
