import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'

/** A Safe transaction as protocol-kit builds it: its data and the signatures gathered so far. */
export type SafeTransaction = Awaited<ReturnType<ProtocolKitSafe['createTransaction']>>
