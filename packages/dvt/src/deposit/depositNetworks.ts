import type { Hex } from 'viem'
import type { DepositNetwork } from './DepositNetwork.ts'

/** A network's name as deposit data carries it (`network_name`) and its genesis fork version. */
export type DepositNetworkSetting = {
  readonly name: DepositNetwork
  readonly genesisForkVersion: Hex
}

/**
 * The genesis fork version of each network, the one the deposit domain is built on. Mainnet and
 * Hoodi as ethstaker-deposit 1.3.1 has them (`ethstaker_deposit.settings`); Holesky, which 1.3.1
 * no longer ships, as its genesis config and staking-deposit-cli 2.x have it.
 */
export const depositNetworks: Readonly<Record<DepositNetwork, DepositNetworkSetting>> = Object.freeze({
  mainnet: Object.freeze({ name: 'mainnet', genesisForkVersion: '0x00000000' }),
  holesky: Object.freeze({ name: 'holesky', genesisForkVersion: '0x01017000' }),
  hoodi: Object.freeze({ name: 'hoodi', genesisForkVersion: '0x10000910' }),
})
