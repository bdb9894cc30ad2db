/**
 * What each of the issuance service's two least-privilege macaroons may do, as lnd
 * `entity:action` permissions. Neither can pay, move funds or bake macaroons.
 */
export const issuanceMacaroonPermissions: {
  /** Creates and reads invoices (`createInvoice`, the invoice API). */
  readonly invoice: readonly string[]
  /** The settle subscriber, reconciler, sweep and liquidity check; `info:read` names the node. */
  readonly readOnly: readonly string[]
} = {
  invoice: ['invoices:read', 'invoices:write'],
  readOnly: ['info:read', 'invoices:read', 'offchain:read'],
}
