import { DevnetError } from '../DevnetError.ts'
import { buildFaucetTransaction, type FaucetOutput } from './buildFaucetTransaction.ts'
import { readTransactionOutputs } from './readTransactionOutputs.ts'
import { regtestFaucet } from './regtestFaucet.ts'
import { regtestOutputScript } from './regtestOutputScript.ts'
import type { BtcdRegtest } from './startBtcd.ts'

export type FundFromFaucetParameters = {
  btcd: BtcdRegtest
  /** Blocks whose coinbase (paid to the faucet, mature, unspent) fund the transaction. */
  coinbaseBlockHashes: readonly string[]
  /** Regtest base58 addresses (lnd's `np2wpkh`) and amounts, in this output order. */
  outputs: readonly { address: string; sats: bigint }[]
  /** Default 20,000 sats: a few hundred vbytes at far above btcd's 1 sat/vbyte relay floor. */
  feeSats?: bigint
}

/**
 * Pays `outputs` from faucet coinbases in one transaction and hands it to btcd's mempool (no
 * block is mined). The change goes back to the faucet as the last output. Resolves with the txid;
 * output `i` is `outputs[i]`.
 */
export async function fundFromFaucet(parameters: FundFromFaucetParameters): Promise<{ txid: string }> {
  const { btcd, coinbaseBlockHashes, outputs, feeSats = 20_000n } = parameters
  const faucet = regtestFaucet()
  const faucetScriptHex = Buffer.from(faucet.outputScript).toString('hex')
  const inputs: { txid: string; vout: number }[] = []
  let available = 0n
  for (const hash of coinbaseBlockHashes) {
    const block = await btcd.rpc<{ tx: string[] }>('getblock', [hash, 1])
    const coinbaseTxid = block.tx[0] as string
    const coinbase = readTransactionOutputs(await btcd.rpc<string>('getrawtransaction', [coinbaseTxid, 0]))
    coinbase.forEach((output, vout) => {
      if (output.scriptHex !== faucetScriptHex) return
      inputs.push({ txid: coinbaseTxid, vout })
      available += output.sats
    })
  }
  const wanted = outputs.reduce((sum, output) => sum + output.sats, 0n) + feeSats
  if (wanted > available) {
    throw new DevnetError({
      code: 'DEVNET_STATE',
      shortMessage: `the faucet coinbases hold ${available} sats, ${wanted} are needed`,
    })
  }
  const txOutputs: FaucetOutput[] = outputs.map((output) => ({
    script: regtestOutputScript(output.address),
    sats: output.sats,
  }))
  if (available > wanted) txOutputs.push({ script: faucet.outputScript, sats: available - wanted })
  const tx = buildFaucetTransaction({ inputs, outputs: txOutputs })
  await btcd.rpc<string>('sendrawtransaction', [tx.hex])
  return { txid: tx.txid }
}
