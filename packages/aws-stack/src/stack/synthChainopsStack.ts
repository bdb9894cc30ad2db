import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { App } from 'aws-cdk-lib'
import { AssetManifestArtifact } from 'aws-cdk-lib/cx-api'
import { validateStackConfig } from '../config/validateStackConfig.ts'
import { AwsStackError } from '../errors/AwsStackError.ts'
import { ChainopsStack } from './ChainopsStack.ts'

export type SynthChainopsStackOptions = {
  /** Where the cloud assembly (template, asset manifest, assets) is written. Default a fresh temp folder. */
  outdir?: string | undefined
}

export type SynthChainopsStackReturnType = {
  stackName: string
  /** The CloudFormation template, as an object. */
  template: Record<string, unknown>
  /** The template's file in the assembly. */
  templateFile: string
  /** `<stack>.assets.json`: the assets (the function zips) to publish before a deploy. */
  assetManifestFile: string | undefined
  /** The cloud assembly folder (`outdir` when given). */
  outdir: string
}

/**
 * Validates `input` ({@link validateStackConfig}: a bad config is an AwsStackError naming the
 * field, before any construct exists), builds {@link ChainopsStack} in a fresh CDK app and
 * synthesizes it offline: no credentials, no context lookups, no network.
 */
export function synthChainopsStack(
  input: unknown,
  options: SynthChainopsStackOptions = {},
): SynthChainopsStackReturnType {
  const config = validateStackConfig(input)
  const outdir = options.outdir ?? mkdtempSync(join(tmpdir(), 'chainops-cdk-'))
  try {
    const app = new App({ outdir, analyticsReporting: false })
    const stack = new ChainopsStack(app, config.stackName, { config })
    const assembly = app.synth()
    const artifact = assembly.getStackArtifact(stack.artifactId)
    const manifest = artifact.dependencies.find((d): d is AssetManifestArtifact => d instanceof AssetManifestArtifact)
    return {
      stackName: artifact.stackName,
      template: artifact.template as Record<string, unknown>,
      templateFile: artifact.templateFullPath,
      assetManifestFile: manifest?.file,
      outdir,
    }
  } catch (cause) {
    if (cause instanceof AwsStackError) throw cause
    throw new AwsStackError({
      code: 'AWS_STACK_SYNTH_FAILED',
      shortMessage: 'The stack did not synthesize',
      details: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }
}
