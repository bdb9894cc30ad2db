/** One deployable function: its handler file and the packages its bundle leaves out. */
export type LambdaFunction = {
  /** The function's name, and of its layout directory and zip. */
  name: string
  /** The handler file, relative to examples/lambda. Its `handler` export is `index.handler` in the zip. */
  entry: string
}

/**
 * The functions a team deploys. Every bundle leaves out the same packages:
 * - `lightning` (lnd's gRPC client) reads its `.proto` files and a wasm file from its own
 *   directory at run time, so it cannot be bundled: it ships in the zip's node_modules, with its
 *   dependencies;
 * - the AWS SDK v3 (`@aws-sdk/*`), which the nodejs22.x runtime provides.
 */
export const lambdaFunctions: readonly LambdaFunction[] = [
  { name: 'invoice-api', entry: 'invoiceApi.ts' },
  { name: 'mint-consumer', entry: 'mintConsumer.ts' },
  { name: 'mint-watcher', entry: 'mintWatcher.ts' },
]

/** Shipped in each zip's node_modules. */
export const shippedExternals: readonly string[] = ['lightning']

/** Provided by the Lambda runtime, so neither bundled nor shipped. */
export const runtimeExternals: readonly string[] = ['@aws-sdk/*']
