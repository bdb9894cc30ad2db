export { CliqueError, type CliqueErrorCode, type CliqueErrorParameters } from './errors/CliqueError.ts'
export { EXTRA_SEAL_BYTES, EXTRA_VANITY_BYTES, SIGNER_BYTES } from './extraData/constants.ts'
export {
  type DecodeExtraDataErrorType,
  type DecodeExtraDataOptions,
  type DecodeExtraDataReturnType,
  decodeExtraData,
} from './extraData/decodeExtraData.ts'
export {
  type EncodeExtraDataErrorType,
  type EncodeExtraDataParameters,
  type EncodeExtraDataReturnType,
  encodeExtraData,
} from './extraData/encodeExtraData.ts'
export { type ParseHexBytesOptions, parseHexBytes } from './hex/parseHexBytes.ts'
export { type ParseQuantityErrorType, type ParseQuantityOptions, parseQuantity } from './hex/parseQuantity.ts'
export { parseStorageWord } from './hex/parseStorageWord.ts'
