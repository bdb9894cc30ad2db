const GENERATOR = [
  0xe0e040, 0x1c1c080, 0x3838100, 0x7070200, 0xe0e0009, 0x1c0c2412, 0x38086c24, 0x3090fc48, 0x21b1f890, 0x3f3f120,
]

/**
 * SLIP-39's RS1024 checksum check: the polymod over the customization string (`shamir` or
 * `shamir_extendable`) followed by the share's 10-bit word indices must equal 1.
 */
export function rs1024Verify(customization: string, data: readonly number[]): boolean {
  let chk = 1
  const step = (value: number) => {
    const b = chk >>> 20
    chk = (((chk & 0xfffff) << 10) ^ value) >>> 0
    for (let i = 0; i < 10; i++) if ((b >>> i) & 1) chk = (chk ^ (GENERATOR[i] as number)) >>> 0
  }
  for (let i = 0; i < customization.length; i++) step(customization.charCodeAt(i))
  for (const value of data) step(value)
  return chk === 1
}
