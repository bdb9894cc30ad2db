import { statSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { synthChainopsStack, validateStackConfig } from '@chainops/aws-stack'
import { CliError } from '../../errors/CliError.ts'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** CloudFormation's limit on a template passed inline (`TemplateBody`); above it the template goes through S3. */
const INLINE_TEMPLATE_LIMIT = 51_200

/** The config file as JSON; a parse failure names the file and where, never its text. */
function readConfigFile(path: string): unknown {
  const text = readTextFile(path, '--config')
  try {
    return JSON.parse(text)
  } catch (cause) {
    const where = /at position \d+( \(line \d+ column \d+\))?/.exec((cause as Error).message)?.[0]
    throw new CliError({
      code: 'CLI_FILE_INVALID',
      shortMessage: `the --config file ${path} is not JSON`,
      details: where ?? 'a JSON syntax error',
      cause,
    })
  }
}

/**
 * A relative `issuance.bundlesDir` is read from the config file's folder (as cdk reads it from
 * the app's folder), not from wherever the command runs; anything else is left to validation.
 */
function withBundlesDirFromConfigFile(input: unknown, configPath: string): unknown {
  const issuance = (input as { issuance?: { bundlesDir?: unknown } } | null)?.issuance
  if (typeof issuance?.bundlesDir !== 'string' || isAbsolute(issuance.bundlesDir)) return input
  const bundlesDir = resolve(dirname(configPath), issuance.bundlesDir)
  return { ...(input as object), issuance: { ...issuance, bundlesDir } }
}

/** What `chainops aws synth` does once its flags are parsed; loaded (with aws-cdk-lib) only when it runs. */
export async function runAwsSynth({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  if (typeof values.config !== 'string') throw usageError('--config is required (the stack config JSON)')
  const input = withBundlesDirFromConfigFile(readConfigFile(values.config), values.config)
  // Validated here first (a bad field fails before aws-cdk-lib builds anything), for the summary too.
  const config = validateStackConfig(input)
  const outdir = resolve(typeof values.out === 'string' ? values.out : 'cdk.out')
  io.progress(`synthesizing ${config.stackName} into ${outdir}`)
  const synth = synthChainopsStack(input, { outdir })
  const templateResources = (synth.template.Resources ?? {}) as Record<string, { Type: string }>
  const resources = new Map<string, number>()
  for (const resource of Object.values(templateResources))
    resources.set(resource.Type, (resources.get(resource.Type) ?? 0) + 1)
  const counts = [...resources].sort(([a], [b]) => a.localeCompare(b))
  const templateBytes = statSync(synth.templateFile).size
  const minifiedBytes = Buffer.byteLength(JSON.stringify(synth.template))
  if (values.json) {
    io.out(
      toJsonText({
        stackName: synth.stackName,
        account: config.account,
        region: config.region,
        availabilityZones: config.availabilityZones,
        outdir,
        templateFile: synth.templateFile,
        assetManifestFile: synth.assetManifestFile,
        templateBytes,
        minifiedBytes,
        inlineLimitBytes: INLINE_TEMPLATE_LIMIT,
        resourceCount: Object.keys(templateResources).length,
        resources: Object.fromEntries(counts),
      }),
    )
    return 0
  }
  io.out(
    formatTable(
      ['RESOURCE TYPE', 'COUNT'],
      counts.map(([type, count]) => [type, String(count)]),
    ),
  )
  const total = counts.reduce((sum, [, count]) => sum + count, 0)
  const fits = minifiedBytes <= INLINE_TEMPLATE_LIMIT
  io.out(
    [
      '',
      `wrote ${synth.stackName} (${total} resources, ${config.region}: ${config.availabilityZones.join(', ')}) to ${synth.templateFile}`,
      `template ${templateBytes} bytes, ${minifiedBytes} minified: ${fits ? 'within' : 'over'} CloudFormation's ${INLINE_TEMPLATE_LIMIT}-byte inline limit${fits ? '' : ' (deploy it from S3: cdk deploy does)'}`,
      `assets to publish: ${synth.assetManifestFile} (cdk deploy --app ${outdir} uploads them)`,
    ].join('\n'),
  )
  return 0
}
