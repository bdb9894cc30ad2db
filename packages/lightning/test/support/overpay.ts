import { type AuthenticatedLnd, decodePaymentRequest, getRouteToDestination, payViaRoutes } from 'lightning'

/**
 * Pays `sats` on a fixed-amount invoice of a smaller amount: lnd refuses that through `pay`, but
 * accepts a route carrying more (up to twice the amount), as any sender can build one.
 */
export async function overpay(lnd: AuthenticatedLnd, request: string, sats: number): Promise<void> {
  const decoded = await decodePaymentRequest({ lnd, request })
  const { route } = await getRouteToDestination({
    lnd,
    destination: decoded.destination,
    tokens: sats,
    total_mtokens: String(sats * 1000),
    ...(decoded.payment === undefined ? {} : { payment: decoded.payment }),
    ...(decoded.cltv_delta === undefined ? {} : { cltv_delta: decoded.cltv_delta }),
  })
  if (!route) throw new Error(`no route for ${sats} sats`)
  await payViaRoutes({ lnd, id: decoded.id, routes: [route] })
}
