import { InstanceClass, InstanceSize, InstanceType } from 'aws-cdk-lib/aws-ec2'

/**
 * The EC2 instance families and sizes aws-cdk-lib knows, as AWS spells them (`t2`, `xlarge`).
 * `InstanceClass` holds long aliases too (`burstable2`), so each class goes through
 * `InstanceType.of`, which maps it to the family name EC2 uses.
 */
export const instanceTypeNames: { families: ReadonlySet<string>; sizes: ReadonlySet<string> } = (() => {
  const sizes = new Set<string>(Object.values(InstanceSize))
  const families = new Set<string>()
  for (const instanceClass of Object.values(InstanceClass)) {
    const [family] = InstanceType.of(instanceClass, InstanceSize.LARGE).toString().split('.')
    if (family) families.add(family)
  }
  return { families, sizes }
})()
