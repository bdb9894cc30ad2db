import type { Command } from '../framework/Command.ts'
import { awsCommands } from './aws/index.ts'
import { cliqueCommands } from './clique/index.ts'
import { demoCommands } from './demo/index.ts'
import { depositCommands } from './deposit/index.ts'
import { devnetCommands } from './devnet/index.ts'
import { issuanceCommands } from './issuance/index.ts'
import { keystoreCommands } from './keystore/index.ts'
import { obolCommands } from './obol/index.ts'
import { rpcCommands } from './rpc/index.ts'
import { ssvCommands } from './ssv/index.ts'
import { treasuryCommands } from './treasury/index.ts'

/** Every command of the CLI; `runCli` picks one by its leading words. */
export const commands: readonly Command[] = [
  ...demoCommands,
  ...devnetCommands,
  ...issuanceCommands,
  ...cliqueCommands,
  ...rpcCommands,
  ...treasuryCommands,
  ...keystoreCommands,
  ...depositCommands,
  ...ssvCommands,
  ...obolCommands,
  ...awsCommands,
]
