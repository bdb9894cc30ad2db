/** r, the order of the BLS12-381 G1/G2 subgroups: BLS secret keys are scalars in [1, r). */
export const BLS_CURVE_ORDER: bigint = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n
