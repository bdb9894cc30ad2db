import assert from 'node:assert/strict'

describe('@chainops/treasury entry points', () => {
  it('the root exports the public API and nothing else', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/treasury')).sort(), [
      'RoutingError',
      'SafeError',
      'SplitsError',
      'TreasuryError',
      'assertBip39Mnemonic',
      'bip39SeedSource',
      'buildSplitV2Params',
      'collectSafeSignatures',
      'connectSafe',
      'createRewardSafe',
      'createSplit',
      'createTrezorSigner',
      'defaultLayout',
      'deploySafeContracts',
      'deriveLayout',
      'distributeSplit',
      'distributeSplitCall',
      'executeSafeTransaction',
      'fromSafeTransactionFile',
      'getSplitBalance',
      'getSplitV2Params',
      'initTrezorConnect',
      'mnemonicToSeed',
      'parseLayout',
      'placeSafeSingletonFactory',
      'proposeSafeTransaction',
      'publicKeyToAddress',
      'rewardRouteCalls',
      'routeRewards',
      'safeContractNetworks',
      'safeSingletonFactoryPredeploy',
      'safeV141Contracts',
      'signSafeTransaction',
      'slip39MasterSecret',
      'slip39SeedSource',
      'splitsNativeToken',
      'toSafeTransactionFile',
      'trezorSafeOwnerSigner',
      'updateSplitCall',
    ])
  })

  it('@chainops/treasury/testing exports the Trezor Connect double', async () => {
    assert.deepEqual(Object.keys(await import('@chainops/treasury/testing')).sort(), ['TrezorConnectDouble'])
  })
})
