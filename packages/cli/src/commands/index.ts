import type { Command } from '../framework/Command.ts'
import { cliqueCommands } from './clique/index.ts'
import { demo } from './demo/demo.ts'
import { devnetDown } from './devnet/down.ts'
import { devnetStatus } from './devnet/status.ts'
import { devnetUp } from './devnet/up.ts'
import { float } from './issuance/float.ts'
import { invoiceCreate } from './issuance/invoiceCreate.ts'
import { invoiceStatus } from './issuance/invoiceStatus.ts'
import { serve } from './issuance/serve.ts'
import { treasuryCommands } from './treasury/index.ts'

/** Every command of the CLI; `runCli` picks one by its leading words. */
export const commands: readonly Command[] = [
  demo,
  devnetUp,
  devnetStatus,
  devnetDown,
  serve,
  invoiceCreate,
  invoiceStatus,
  float,
  ...cliqueCommands,
  ...treasuryCommands,
]
