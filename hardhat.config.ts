import hardhatViem from '@nomicfoundation/hardhat-viem'
import { defineConfig } from 'hardhat/config'
import { cliqueNetworkConfig } from './hardhat/cliqueNetworkConfig.ts'
import { devCliqueChain } from './hardhat/devCliqueChain.ts'
import { localSolcCompiler } from './hardhat/localSolcCompiler.ts'

// Both profiles are declared: a profile left to Hardhat's defaults gets neither our `path` (so
// it would download solc) nor our `settings` (so it would target the newest EVM and emit PUSH0,
// which a London-only Clique chain rejects).
const compiler = localSolcCompiler({ evmVersion: 'london', optimizer: { enabled: true, runs: 200 } })

export default defineConfig({
  plugins: [hardhatViem],
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
  },
  networks: {
    // chainId, hardfork, gas limit, base fee and prefunded accounts all come from the genesis
    // @chainops/clique builds (hardhat/devCliqueGenesis.ts), read by cliqueNetworkFromGenesis.
    clique: cliqueNetworkConfig(devCliqueChain),
  },
})
