import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  paginateListStackResources,
  type Stack,
  type StackResourceSummary,
} from '@aws-sdk/client-cloudformation'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import type { MotoClientConfig } from '@chainops/devnet'
import { type PublishedAsset, publishAssetsToMoto } from './publishAssetsToMoto.ts'

type Artifact = { type: string; properties?: Record<string, unknown> }

export type MotoDeployment = {
  stack: Stack
  resources: StackResourceSummary[]
  /** `LogicalId STATUS: reason` of every failed resource event. */
  failures: string[]
  assets: PublishedAsset[]
  /** From CreateStack to a final status. */
  deployMs: number
}

/**
 * Deploys one stack of a synthesized cloud assembly into moto's CloudFormation the way `cdk deploy`
 * does: its assets published to the bootstrap bucket, the bootstrap version parameter the template's
 * rule checks present (at the version the assembly requires), then CreateStack from the template's
 * own S3 object (TemplateURL: the chainops template is near the 51,200-byte inline limit).
 */
export async function deployAssemblyToMoto(parameters: {
  assemblyDir: string
  stackArtifactId: string
  clientConfig: MotoClientConfig
  timeoutMs?: number
}): Promise<MotoDeployment> {
  const { assemblyDir, stackArtifactId, clientConfig, timeoutMs = 120_000 } = parameters
  const manifest = JSON.parse(readFileSync(join(assemblyDir, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, Artifact>
  }
  const stackArtifact = manifest.artifacts[stackArtifactId]
  if (stackArtifact?.type !== 'aws:cloudformation:stack') throw new Error(`${stackArtifactId} is no stack artifact`)
  const properties = stackArtifact.properties as {
    stackName?: string
    stackTemplateAssetObjectUrl: string
    requiresBootstrapStackVersion: number
    bootstrapStackVersionSsmParameter: string
  }
  const stackName = properties.stackName ?? stackArtifactId
  const assets: PublishedAsset[] = []
  for (const artifact of Object.values(manifest.artifacts))
    if (artifact.type === 'cdk:asset-manifest')
      assets.push(...(await publishAssetsToMoto(join(assemblyDir, String(artifact.properties?.file)), clientConfig)))

  const ssm = new SSMClient(clientConfig)
  const cfn = new CloudFormationClient(clientConfig)
  try {
    await ssm.send(
      new PutParameterCommand({
        Name: properties.bootstrapStackVersionSsmParameter,
        Value: String(properties.requiresBootstrapStackVersion),
        Type: 'String',
        Overwrite: true,
      }),
    )
    // s3://bucket/key as CloudFormation takes it; moto reads the object from its own S3.
    const { host: bucket, pathname } = new URL(properties.stackTemplateAssetObjectUrl)
    const templateUrl = `https://s3.${clientConfig.region}.amazonaws.com/${bucket}${pathname}`
    const started = Date.now()
    await cfn.send(
      new CreateStackCommand({
        StackName: stackName,
        TemplateURL: templateUrl,
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      }),
    )
    let stack: Stack | undefined
    for (;;) {
      stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]
      if (stack?.StackStatus !== undefined && !stack.StackStatus.endsWith('_IN_PROGRESS')) break
      if (Date.now() - started > timeoutMs)
        throw new Error(`${stackName} still ${stack?.StackStatus} after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const deployMs = Date.now() - started
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }))).StackEvents ?? []
    const failures = events
      .filter((event) => event.ResourceStatus?.endsWith('_FAILED'))
      .map((event) => `${event.LogicalResourceId} ${event.ResourceStatus}: ${event.ResourceStatusReason}`)
    const resources: StackResourceSummary[] = []
    for await (const page of paginateListStackResources({ client: cfn }, { StackName: stackName }))
      resources.push(...(page.StackResourceSummaries ?? []))
    return { stack, resources, failures, assets, deployMs }
  } finally {
    ssm.destroy()
    cfn.destroy()
  }
}
