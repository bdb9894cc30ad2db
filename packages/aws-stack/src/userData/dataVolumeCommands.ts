/**
 * Shell commands that format the instance's second EBS volume on first boot (never again: a
 * filesystem on it is kept) and mount it at `mountPoint`, on Xen (`/dev/xvdb`) and Nitro (NVMe) alike.
 */
export function dataVolumeCommands(mountPoint: string): string[] {
  return [
    'DEV=/dev/xvdb; [ -b /dev/nvme1n1 ] && DEV=/dev/nvme1n1',
    'while [ ! -b "$DEV" ]; do sleep 1; done',
    'blkid "$DEV" >/dev/null || mkfs.xfs -q "$DEV"',
    `install -d ${mountPoint} && grep -q " ${mountPoint} " /etc/fstab || echo "$DEV ${mountPoint} xfs defaults,nofail 0 2" >> /etc/fstab`,
    `mountpoint -q ${mountPoint} || mount ${mountPoint}`,
  ]
}
