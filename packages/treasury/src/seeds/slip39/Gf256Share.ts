/** One point of a GF(256) polynomial, byte by byte: the share's x coordinate and its values. */
export type Gf256Share = { readonly x: number; readonly data: Uint8Array }
