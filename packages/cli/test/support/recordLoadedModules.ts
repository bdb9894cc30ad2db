// Preloaded with `node --import` by the startup test: records the URL of every module the process
// loads (ESM and CommonJS, through the synchronous module hooks) and writes them, one a line, to the
// file named by $CHAINOPS_LOADED_MODULES when the process exits.
import { writeFileSync } from 'node:fs'
import { registerHooks } from 'node:module'

const target = process.env.CHAINOPS_LOADED_MODULES
if (target === undefined) throw new Error('recordLoadedModules: set CHAINOPS_LOADED_MODULES to the output file')
const loaded: string[] = []
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url)
    return nextLoad(url, context)
  },
})
process.on('exit', () => writeFileSync(target, `${loaded.join('\n')}\n`))
