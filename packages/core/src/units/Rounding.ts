/**
 * How an exact quotient becomes a whole number:
 * - `floor` towards negative infinity, `ceil` towards positive infinity, `trunc` towards zero;
 * - `round` to the nearest, halves away from zero (2.5 -> 3, -2.5 -> -3);
 * - `halfEven` to the nearest, halves to the even neighbour (2.5 -> 2, 3.5 -> 4).
 */
export type Rounding = 'floor' | 'ceil' | 'trunc' | 'round' | 'halfEven'
