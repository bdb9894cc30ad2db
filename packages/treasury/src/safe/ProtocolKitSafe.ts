import ProtocolKit from '@safe-global/protocol-kit'

/**
 * protocol-kit's `Safe` class. The package ships an ES module but types it with CommonJS
 * declarations (no `"type": "module"`), so under NodeNext TypeScript sees the default import as
 * the module namespace while Node hands over the class: this picks the class either way.
 */
export const ProtocolKitSafe: typeof ProtocolKit.default =
  (ProtocolKit as unknown as { default?: typeof ProtocolKit.default }).default ??
  (ProtocolKit as unknown as typeof ProtocolKit.default)

/** An instance of protocol-kit's `Safe`: one Safe account on one chain. */
export type ProtocolKitSafe = InstanceType<typeof ProtocolKit.default>
