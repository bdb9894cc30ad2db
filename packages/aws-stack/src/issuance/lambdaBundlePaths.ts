import { statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AwsStackError } from '../errors/AwsStackError.ts'

/** The zips of examples/lambda/build.ts, one per function, each deployed with handler `index.handler`. */
export type LambdaBundlePaths = {
  invoiceApi: string
  mintConsumer: string
  mintWatcher: string
}

const BUNDLES = { invoiceApi: 'invoice-api.zip', mintConsumer: 'mint-consumer.zip', mintWatcher: 'mint-watcher.zip' }

/**
 * The absolute paths of the three function zips in the directory `examples/lambda/build.ts --out DIR`
 * wrote. `Code.fromAsset` needs each at synth, so a missing one is AwsStackError
 * `AWS_STACK_CONFIG_INVALID` naming `field` and the file, before any synth.
 */
export function lambdaBundlePaths(dir: string, field = 'bundlesDir'): LambdaBundlePaths {
  const absolute = resolve(dir)
  const paths = {
    invoiceApi: join(absolute, BUNDLES.invoiceApi),
    mintConsumer: join(absolute, BUNDLES.mintConsumer),
    mintWatcher: join(absolute, BUNDLES.mintWatcher),
  }
  for (const path of Object.values(paths)) {
    if (!statSync(path, { throwIfNoEntry: false })?.isFile())
      throw new AwsStackError({
        code: 'AWS_STACK_CONFIG_INVALID',
        shortMessage: `Invalid ${field}`,
        details: `${path} does not exist: build the functions first (node examples/lambda/build.ts --out ${dir})`,
        field,
      })
  }
  return paths
}
