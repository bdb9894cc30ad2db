import type { SafeV141Contract } from './SafeV141Contract.ts'

/**
 * The nine Safe v1.4.1 contracts with their canonical addresses and code hashes, copied from
 * `@safe-global/safe-deployments` 1.37.63 (`src/assets/v1.4.1/*.json`, `deployments.canonical`),
 * the registry protocol-kit itself reads. A test checks this table against that package.
 *
 * The code hash is that of the code ON CHAIN: MultiSend and SimulateTxAccessor keep their own
 * address in an immutable, so their deployed code differs from the artifact's `deployedBytecode`.
 */
export const safeV141Contracts: readonly SafeV141Contract[] = [
  {
    name: 'Safe',
    artifact: 'Safe.sol/Safe.json',
    address: '0x41675C099F32341bf84BFc5382aF534df5C7461a',
    codeHash: '0x1fe2df852ba3299d6534ef416eefa406e56ced995bca886ab7a553e6d0c5e1c4',
  },
  {
    name: 'SafeL2',
    artifact: 'SafeL2.sol/SafeL2.json',
    address: '0x29fcB43b46531BcA003ddC8FCB67FFE91900C762',
    codeHash: '0xb1f926978a0f44a2c0ec8fe822418ae969bd8c3f18d61e5103100339894f81ff',
  },
  {
    name: 'SafeProxyFactory',
    artifact: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
    address: '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67',
    codeHash: '0x50c3cdc4074750a7a974204a716c999edd37482f907608d960b2b025ee0b3317',
  },
  {
    name: 'MultiSend',
    artifact: 'libraries/MultiSend.sol/MultiSend.json',
    address: '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526',
    codeHash: '0x0e4f7fc66550a322d1e7688e181b75e217e662a4f3f4d6a29b22bc61217c4b77',
  },
  {
    name: 'MultiSendCallOnly',
    artifact: 'libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
    address: '0x9641d764fc13c8B624c04430C7356C1C7C8102e2',
    codeHash: '0xecd5bd14a08c5d2122379900b2f272bdf107a7e92423c10dd5fe3254386c9939',
  },
  {
    name: 'CompatibilityFallbackHandler',
    artifact: 'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
    address: '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99',
    codeHash: '0x7c6007a5d711cea8dfd5d91f5940ec29c7f200fe511eb1fc1397b367af3c42f9',
  },
  {
    name: 'SignMessageLib',
    artifact: 'libraries/SignMessageLib.sol/SignMessageLib.json',
    address: '0xd53cd0aB83D845Ac265BE939c57F53AD838012c9',
    codeHash: '0x525c754a46b79e05543a59bb61e8de3c9eee0d955a59352409cbe67ea1077528',
  },
  {
    name: 'CreateCall',
    artifact: 'libraries/CreateCall.sol/CreateCall.json',
    address: '0x9b35Af71d77eaf8d7e40252370304687390A1A52',
    codeHash: '0x2b3060c55fcb8275653e99ad511a71f67ba76934ed66a7d74d6e68b52afff889',
  },
  {
    name: 'SimulateTxAccessor',
    artifact: 'accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json',
    address: '0x3d4BA2E0884aa488718476ca2FB8Efc291A46199',
    codeHash: '0x91f82615581fc73b190b83d72e883608b25e392f72322035df1b13d51766cf8d',
  },
]
