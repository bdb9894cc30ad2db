import { decodeErrorResult, type Hex, isHex } from 'viem'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

/**
 * The SSVNetwork custom error (`IncorrectClusterState()`, `ValidatorAlreadyExistsWithData(0x…)`)
 * behind a failed call, when the node gave the revert data or named the error; undefined otherwise.
 * The cause chain is walked by shape, not `instanceof`: the client may come from another viem copy.
 */
export function revertErrorName(error: unknown): string | undefined {
  let data: Hex | undefined
  let messages = ''
  for (let inner = error, depth = 0; inner && typeof inner === 'object' && depth < 10; depth++) {
    const { data: candidate, message, cause } = inner as { data?: unknown; message?: unknown; cause?: unknown }
    if (typeof candidate === 'string' && isHex(candidate) && candidate.length >= 10) data = candidate
    if (typeof message === 'string') messages += `\n${message}`
    inner = cause
  }
  if (data) {
    try {
      const decoded = decodeErrorResult({ abi: ssvNetworkAbi, data })
      return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`
    } catch {
      // not an SSVNetwork error: fall through to the message
    }
  }
  // Nodes that give the reason only in the message (Hardhat's EDR: "reverted with custom error 'X()'").
  return /custom error '([A-Za-z_][A-Za-z0-9_]*\([^']*\))'/.exec(messages)?.[1]
}
