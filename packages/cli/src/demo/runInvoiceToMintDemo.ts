import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { createLogger, type Logger, Rational, type Secret } from '@chainops/core'
import { bakeMacaroons, startStack, tempDir } from '@chainops/devnet'
import {
  type Issuance,
  type IssuanceMode,
  minterTxPoolArgs,
  openEmbeddedIssuanceResources,
  type StartIssuanceParameters,
  startIssuance,
} from '@chainops/lightning'
import { openAwsIssuanceResources } from '@chainops/lightning/aws'
import { authenticatedLndGrpc, pay } from 'lightning'
import { type Address, createPublicClient, formatEther, getAddress, type Hex, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../errors/CliError.ts'
import { callInvoiceApi } from '../invoiceApi/callInvoiceApi.ts'
import { waitForFinalInvoice } from '../invoiceApi/waitForFinalInvoice.ts'

export type InvoiceToMintDemoParameters = {
  mode: IssuanceMode
  sats: bigint
  /** The recipient; a fresh address when absent. */
  address?: Address | undefined
  /** Wei per sat (default 10^10: 1 BTC -> 1 coin). */
  rate?: Rational | undefined
  onProgress: (line: string) => void
  /** The service's own log lines (JSON); default: warnings and errors to `onProgress`. */
  logger?: Logger | undefined
}

export type InvoiceToMintDemoResult = {
  mode: IssuanceMode
  paymentHash: string
  request: string
  address: Address
  sats: bigint
  mintWei: bigint
  mintTxHash: Hex
  block: bigint
  balanceWei: bigint
  /** From the payment's answer to the MINTED record seen through the API. */
  paidToMintedMs: number
  totalMs: number
}

/**
 * The invoice-to-mint demo on local networks: starts a 3-sealer geth Clique chain, btcd + two lnd
 * nodes (payer -> operator channel) and, in aws mode, moto; runs the issuance service; creates an
 * invoice through its API, pays it from the payer node and waits until the recipient holds the
 * coins. Everything is stopped at the end, also on failure.
 */
export async function runInvoiceToMintDemo(parameters: InvoiceToMintDemoParameters): Promise<InvoiceToMintDemoResult> {
  const { mode, sats, onProgress } = parameters
  const rate = parameters.rate ?? new Rational(10n ** 10n)
  const address = getAddress(parameters.address ?? privateKeyToAccount(generatePrivateKey()).address)
  const logger = parameters.logger ?? createLogger({ level: 'warn', sink: (line) => onProgress(`service: ${line}`) })
  const started = Date.now()
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

  onProgress(
    `starting the local stack: geth Clique (3 sealers, 1 s blocks), btcd + lnd (operator, payer)${mode === 'aws' ? ', moto' : ''}`,
  )
  const stack = await startStack({
    geth: { sealers: 3, period: 1, label: 'demo', extraArgs: minterTxPoolArgs() },
    moto: mode === 'aws',
    onProgress: (line) => onProgress(`  ${line}`),
  })
  const cleanups: Array<() => Promise<void>> = [() => stack.stop()]
  try {
    const geth = stack.geth
    const operatorNode = stack.lightning?.nodes.operator
    const payer = stack.lightning?.nodes.payer
    if (!geth || !operatorNode || !payer) {
      throw new CliError({
        code: 'CLI_STACK_INCOMPLETE',
        shortMessage: 'the stack started without geth or the lnd nodes',
        details: `geth ${geth ? 'up' : 'missing'}, lnd operator ${operatorNode ? 'up' : 'missing'}, lnd payer ${payer ? 'up' : 'missing'}`,
      })
    }
    const rpcUrl = (geth.rpc ?? geth.sealers[0])?.rpcUrl as string
    onProgress(`stack ready (${elapsed()}): chain ${geth.chainId} at ${rpcUrl}, lnd operator ${operatorNode.socket}`)

    // Least privilege: the service never holds the admin macaroon.
    const macaroons = await bakeMacaroons(operatorNode)
    const connect = (macaroon: Secret<string>) =>
      authenticatedLndGrpc({ cert: operatorNode.cert, macaroon: macaroon.reveal(), socket: operatorNode.socket }).lnd
    const operatorKey = geth.faucet.privateKey as Secret<Hex>

    let resources: Pick<StartIssuanceParameters, 'store' | 'queue' | 'signerKey'> & { close(): Promise<void> }
    if (mode === 'embedded') {
      const dir = await tempDir('demo-db')
      resources = { ...openEmbeddedIssuanceResources({ path: `${dir}/issuance.db` }), signerKey: operatorKey }
    } else {
      const moto = stack.moto
      if (!moto) throw new CliError({ code: 'CLI_STACK_INCOMPLETE', shortMessage: 'the stack started without moto' })
      await new SSMClient(moto.clientConfig).send(
        new PutParameterCommand({
          Name: '/chainops/demo/operator-key',
          Value: operatorKey.reveal(),
          Type: 'SecureString',
          Overwrite: true,
        }),
      )
      resources = await openAwsIssuanceResources({
        clientConfig: moto.clientConfig,
        tableName: 'chainops-demo',
        queueName: 'chainops-demo-mint',
        parameters: { operatorKey: '/chainops/demo/operator-key' },
        create: true,
      })
    }
    cleanups.push(() => resources.close())

    const issuance: Issuance = await startIssuance({
      mode,
      store: resources.store,
      queue: resources.queue,
      lnd: {
        invoice: connect(macaroons.invoice),
        readOnly: connect(macaroons.readOnly),
        nodeKey: operatorNode.publicKey,
      },
      chain: { rpcUrl, chainId: geth.chainId },
      signerKey: resources.signerKey,
      rate,
      bounds: { minSats: 1n, maxSats: 1_000_000n },
      minter: { pollIntervalMs: 100 },
      logger,
    })
    cleanups.push(() => issuance.stop())
    onProgress(`issuance (${mode}) serving ${issuance.url}, minting from ${issuance.sender}`)

    const base = issuance.url as string
    const invoice = (await callInvoiceApi(base, 'POST', '/invoices', {
      address,
      sats: sats.toString(),
      memo: 'chainops demo',
    })) as Record<string, string>
    onProgress(`invoice ${invoice.paymentHash} for ${sats} sats to ${address}`)
    onProgress(`  request ${invoice.request}`)

    onProgress('paying it from the payer node')
    const payment = await pay({ lnd: payer.lnd, request: invoice.request as string })
    const settledAt = Date.now()
    onProgress(`paid: ${payment.tokens} sats, fee ${payment.fee} sats (${elapsed()})`)

    const status = (await waitForFinalInvoice(base, invoice.paymentHash as string, {
      timeoutMs: 120_000,
      intervalMs: 100,
      onState: (state) => onProgress(`invoice state ${state}`),
    })) as Record<string, string>
    if (status.state !== 'MINTED')
      throw new CliError({ code: 'CLI_TIMEOUT', shortMessage: `the invoice ended ${status.state}, not MINTED` })
    const mintedSeenAt = Date.now()
    const client = createPublicClient({ transport: http(rpcUrl) })
    const block = await client.getBlock({ blockNumber: BigInt(status.mintBlock as string) })
    const balanceWei = await client.getBalance({ address })
    const result: InvoiceToMintDemoResult = {
      mode,
      paymentHash: invoice.paymentHash as string,
      request: invoice.request as string,
      address,
      sats,
      mintWei: BigInt(status.mintWei as string),
      mintTxHash: status.mintTxHash as Hex,
      block: block.number,
      balanceWei,
      paidToMintedMs: mintedSeenAt - settledAt,
      totalMs: Date.now() - started,
    }
    onProgress(`minted in block ${result.block}: ${formatEther(result.mintWei)} coins (${elapsed()})`)
    onProgress('stopping the stack')
    return result
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
}
