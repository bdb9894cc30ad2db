import {
  type ConnectIssuanceLndReturnType,
  connectIssuanceLnd,
  type IssuanceLndConnection,
} from '../lnd/connectIssuanceLnd.ts'
import type { IssuanceResources } from './IssuanceResources.ts'
import { type Issuance, type StartIssuanceParameters, startIssuance } from './startIssuance.ts'

export type OpenIssuanceParameters = Omit<StartIssuanceParameters, 'lnd' | 'store' | 'queue' | 'signerKey'> & {
  /** The mode's store, queue and operator key, already opened; closed by `close()`, and when the start fails. */
  resources: IssuanceResources
  /** lnd's socket, certificate and the two least-privilege macaroons. */
  lnd: IssuanceLndConnection
}

export type OpenedIssuance = {
  issuance: Issuance
  /** Stops the service, then closes its resources. */
  close(): Promise<void>
}

/**
 * Connects lnd with the two least-privilege macaroons (the node key asked of lnd when not given)
 * and starts the service on the given resources (`startIssuance`); on any failure the resources
 * are closed before the error is thrown. What `chainops serve` runs, from its flags.
 */
export async function openIssuance(parameters: OpenIssuanceParameters): Promise<OpenedIssuance> {
  const { resources, lnd: connection, ...rest } = parameters
  try {
    const lnd: ConnectIssuanceLndReturnType = await connectIssuanceLnd(connection)
    const issuance = await startIssuance({
      ...rest,
      store: resources.store,
      queue: resources.queue,
      signerKey: resources.signerKeys ?? resources.signerKey,
      lnd,
    })
    return {
      issuance,
      async close() {
        await issuance.stop()
        await resources.close()
      },
    }
  } catch (error) {
    await resources.close()
    throw error
  }
}
