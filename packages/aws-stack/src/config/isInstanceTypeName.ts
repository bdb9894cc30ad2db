import { instanceTypeNames } from './instanceTypeNames.ts'

/** True for `family.size` where both halves are names aws-cdk-lib's `InstanceClass`/`InstanceSize` know (`t2.xlarge`). */
export function isInstanceTypeName(value: string): boolean {
  const dot = value.indexOf('.')
  if (dot < 1) return false
  return instanceTypeNames.families.has(value.slice(0, dot)) && instanceTypeNames.sizes.has(value.slice(dot + 1))
}
