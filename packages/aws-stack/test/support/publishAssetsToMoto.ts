import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { MotoClientConfig } from '@chainops/devnet'

/** One file asset of a cloud assembly's asset manifest (`<stack>.assets.json`), as `cdk deploy` publishes it. */
type FileAsset = {
  source: { path: string; packaging?: 'file' | 'zip' }
  destinations: Record<string, { bucketName: string; objectKey: string; region?: string }>
}

export type PublishedAsset = { path: string; bucket: string; key: string; bytes: number }

/**
 * Does what `cdk deploy` does before CreateStack, against moto's S3: every file asset of the
 * manifest uploaded to its destination bucket and key (buckets created as the bootstrap stack
 * would have). Directory assets (packaging `zip`) are refused: the chainops stack's code assets
 * are the zips examples/lambda/build.ts writes, and the test must not pass silently if that changes.
 */
export async function publishAssetsToMoto(assetManifestFile: string, clientConfig: MotoClientConfig) {
  const manifest = JSON.parse(readFileSync(assetManifestFile, 'utf8')) as {
    files?: Record<string, FileAsset>
    dockerImages?: Record<string, unknown>
  }
  if (Object.keys(manifest.dockerImages ?? {}).length > 0)
    throw new Error(`${assetManifestFile} has Docker image assets`)
  const s3 = new S3Client({ ...clientConfig, forcePathStyle: true })
  const published: PublishedAsset[] = []
  try {
    for (const asset of Object.values(manifest.files ?? {})) {
      if (asset.source.packaging === 'zip') throw new Error(`${asset.source.path} is a directory asset (zip packaging)`)
      const path = join(dirname(assetManifestFile), asset.source.path)
      const body = readFileSync(path)
      for (const { bucketName, objectKey, region } of Object.values(asset.destinations)) {
        const exists = await s3.send(new HeadBucketCommand({ Bucket: bucketName })).then(
          () => true,
          () => false,
        )
        // Outside us-east-1 S3 wants the bucket's region named (moto checks it as S3 does).
        const location =
          region === undefined || region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }
        if (!exists) await s3.send(new CreateBucketCommand({ Bucket: bucketName, ...location }))
        await s3.send(new PutObjectCommand({ Bucket: bucketName, Key: objectKey, Body: body }))
        published.push({ path: asset.source.path, bucket: bucketName, key: objectKey, bytes: body.length })
      }
    }
  } finally {
    s3.destroy()
  }
  return published
}
