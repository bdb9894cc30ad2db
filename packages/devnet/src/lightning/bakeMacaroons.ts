import { Secret } from '@chainops/core'
import { grantAccess } from 'lightning'
import { DevnetError } from '../DevnetError.ts'
import { describeLightningError } from './describeLightningError.ts'
import type { LndNode } from './LndNode.ts'

/** What each least-privilege macaroon may do, as lnd `entity:action` permissions. */
const INVOICE_MACAROON_PERMISSIONS: readonly string[] = ['invoices:read', 'invoices:write']
const READ_ONLY_MACAROON_PERMISSIONS: readonly string[] = ['info:read', 'invoices:read', 'offchain:read']

export type BakedMacaroons = {
  /** `invoices:read`, `invoices:write`: creates and reads invoices, cannot pay or see channels. */
  invoice: Secret<string>
  /** `info:read`, `invoices:read`, `offchain:read`: the settle subscriber's and liquidity view; cannot create invoices or pay. */
  readOnly: Secret<string>
}

/**
 * Bakes the two least-privilege macaroons the issuance pipeline uses (base64, as
 * `authenticatedLndGrpc` takes them) with the node's admin macaroon. lnd keeps the root key in its
 * macaroon database, so they stay valid across restarts of the node.
 */
export async function bakeMacaroons(node: Pick<LndNode, 'lnd' | 'name'>): Promise<BakedMacaroons> {
  try {
    const [invoice, readOnly] = await Promise.all([
      grantAccess({ lnd: node.lnd, permissions: [...INVOICE_MACAROON_PERMISSIONS] }),
      grantAccess({ lnd: node.lnd, permissions: [...READ_ONLY_MACAROON_PERMISSIONS] }),
    ])
    return { invoice: new Secret(invoice.macaroon), readOnly: new Secret(readOnly.macaroon) }
  } catch (error) {
    throw new DevnetError({
      code: 'DEVNET_STATE',
      shortMessage: `could not bake macaroons on lnd ${node.name}: ${describeLightningError(error)}`,
    })
  }
}
