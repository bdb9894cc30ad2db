import type { CommandOptions } from '../../framework/Command.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

/** The flags every `ssv` chain command shares: the RPC, the SSVNetwork proxy and where log scans start. */
export const ssvContractOptions: CommandOptions = {
  ...rpcOptions,
  contract: {
    type: 'string',
    value: '0x…',
    description: 'the SSVNetwork proxy (mainnet 0xDD9BC35a…4E1, Hoodi 0x58410Bef…f59c, or a double on a devnet)',
    required: true,
  },
  'from-block': {
    type: 'string',
    value: 'N',
    description: 'the first block of the log scans (owner nonce, cluster snapshot)',
    default: "SSVNetwork's deployment block for the mainnet and Hoodi proxies, else 0",
  },
}
