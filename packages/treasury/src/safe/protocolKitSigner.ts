import { isEthersSigner, toSignerKey } from '@chainops/core/ethers'
import type { SafeExecutor } from './SafeExecutor.ts'

/** The `signer` protocol-kit takes: an address the provider signs for, or the revealed key (an ethers Wallet's too). */
export function protocolKitSigner(executor: SafeExecutor): string {
  if (isEthersSigner(executor)) return toSignerKey(executor).reveal()
  return 'address' in executor ? executor.address : executor.privateKey.reveal()
}
