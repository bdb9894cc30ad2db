import { Transaction } from '@scure/btc-signer'
import { regtestFaucet } from './regtestFaucet.ts'

export type FaucetInput = { txid: string; vout: number }
export type FaucetOutput = { script: Uint8Array; sats: bigint }

/**
 * A version-2, non-witness transaction spending faucet outputs (no signatures: see
 * `regtestFaucet`) to the given outputs. The fee is whatever the inputs leave over; the caller
 * computes it. Returns the raw hex for `sendrawtransaction` and the txid (display byte order).
 */
export function buildFaucetTransaction(parameters: {
  inputs: readonly FaucetInput[]
  outputs: readonly FaucetOutput[]
}): {
  hex: string
  txid: string
} {
  const { spendScript } = regtestFaucet()
  // The faucet's inputs and outputs are scripts the signer does not sign for: it only serialises.
  const tx = new Transaction({ version: 2, allowUnknownInputs: true, allowUnknownOutputs: true })
  for (const output of parameters.outputs) tx.addOutput({ script: output.script, amount: output.sats })
  for (const input of parameters.inputs) tx.addInput({ txid: input.txid, index: input.vout })
  // The scriptSig goes in last: an input that is already final would lock the outputs.
  for (let index = 0; index < tx.inputsLength; index++) tx.updateInput(index, { finalScriptSig: spendScript }, true)
  return { hex: tx.hex, txid: tx.id }
}
