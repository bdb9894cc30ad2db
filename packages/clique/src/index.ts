export { CliqueError, type CliqueErrorCode, type CliqueErrorParameters } from './errors/CliqueError.ts'
export { type ParseHexBytesOptions, parseHexBytes } from './hex/parseHexBytes.ts'
export { type ParseQuantityErrorType, type ParseQuantityOptions, parseQuantity } from './hex/parseQuantity.ts'
export { parseStorageWord } from './hex/parseStorageWord.ts'
