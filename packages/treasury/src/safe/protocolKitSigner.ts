import type { SafeExecutor } from './SafeExecutor.ts'

/** The `signer` protocol-kit takes: an address the provider signs for, or the revealed key. */
export function protocolKitSigner(executor: SafeExecutor): string {
  return 'address' in executor ? executor.address : executor.privateKey.reveal()
}
