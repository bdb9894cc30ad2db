import type { Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

/**
 * The enode URL a geth started with `--nodekeyhex` (the node key without 0x) and `--port` will
 * have, so static peers can be written before any node runs. The node id is the uncompressed
 * secp256k1 public key without its 0x04 prefix.
 */
export function gethEnode(nodeKey: Hex, port: number): string {
  const publicKey = privateKeyToAccount(nodeKey).publicKey
  return `enode://${publicKey.slice(4)}@127.0.0.1:${port}`
}
