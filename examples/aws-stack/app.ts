// The chainops production topology (3 Clique sealers in 3 zones behind an internal RPC load
// balancer, the bastion, btcd, lnd with its settle subscriber, the issuance functions) as a CDK
// app. Copy this folder (cdk.json, app.ts, stack.config.json), put your account, region, zones,
// S3 artifacts, sealer identities and SSM parameter names in stack.config.json (the same file
// `chainops aws synth --config` takes), keep the zones in cdk.json's availability-zones key the
// same, then:
//
//   CDK_DISABLE_CLI_TELEMETRY=true npx cdk synth --no-notices    # offline: no account, no credentials
//   npx cdk deploy                                                # once the account is bootstrapped
//
// cdk.json runs this file with `node app.ts`: Node >= 22.18 runs TypeScript as is.
import { readFileSync } from 'node:fs'
import { ChainopsStack, validateStackConfig } from '@chainops/aws-stack'
import { App } from 'aws-cdk-lib'

// A bad field fails here, named (AwsStackError AWS_STACK_CONFIG_INVALID at `bastion.sshCidr`, ...),
// before any construct exists. `issuance.bundlesDir` is read relative to this folder (where cdk runs).
const config = validateStackConfig(JSON.parse(readFileSync(new URL('./stack.config.json', import.meta.url), 'utf8')))

const app = new App()
new ChainopsStack(app, config.stackName, { config })
