import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { Secret } from '@chainops/core'
import {
  bip39SeedSource,
  createTrezorSigner,
  defaultLayout,
  deriveLayout,
  TreasuryError,
  type TrezorConnectApi,
} from '@chainops/treasury'
import { TrezorConnectDouble } from '@chainops/treasury/testing'
import { parseEther, recoverTransactionAddress, verifyTypedData } from 'viem'
import { trezorConnectSettings } from '../src/trezor/trezorConnectSettings.ts'

type Fixture<P, R> = {
  setup: { mnemonic: string; passphrase: string }
  tests: { name: string; parameters: P; result: R }[]
}
// Known answers are read from ../shared/vectors beside the repository (its README names each source).
const vectors = new URL('../../../../shared/vectors/', import.meta.url)
const load = <P, R>(name: string) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8')) as Fixture<P, R>

type TxParameters = {
  chain_id: number
  path: string
  nonce: string
  gas_price?: string
  gas_limit: string
  max_gas_fee?: string
  max_priority_fee?: string
  value: string
  to_address: string
  data: string
}
type TxResult = { sig_v: number; sig_r: string; sig_s: string }

const ALL = 'all all all all all all all all all all all all'

describe('TrezorConnectDouble against the Trezor firmware fixtures (all-all seed, empty passphrase)', () => {
  const device = new TrezorConnectDouble({ seed: bip39SeedSource(ALL) })

  it("ethereumGetAddress gives every fixture address, single and bundled, in Connect's response shape", async () => {
    const fixture = load<{ path: string }, { address: string }>('trezor/ethereum-getaddress.json')
    assert.equal(fixture.tests.length, 6)
    for (const test of fixture.tests) {
      const response = await device.ethereumGetAddress({ path: test.parameters.path, useEmptyPassphrase: true })
      assert.equal(response.success, true)
      assert.equal(response.success && response.payload.address, test.result.address)
      assert.equal(response.success && response.payload.serializedPath, test.parameters.path)
    }
    const bundle = await device.ethereumGetAddress({
      bundle: fixture.tests.map((t) => ({ path: t.parameters.path })),
      useEmptyPassphrase: true,
    })
    assert.deepEqual(
      bundle.success && bundle.payload.map((p) => p.address),
      fixture.tests.map((t) => t.result.address),
    )
  })

  it('ethereumGetAddress fails as Connect does when the expected address differs', async () => {
    const response = await device.ethereumGetAddress({
      path: "m/44'/60'/0'/0/0",
      address: '0x0000000000000000000000000000000000000001',
      useEmptyPassphrase: true,
    })
    assert.deepEqual(response, {
      success: false,
      payload: { error: 'Addresses do not match', code: 'Method_AddressNotMatch' },
    })
  })

  const signTxCases: [string, number][] = [
    ['trezor/ethereum-sign-tx-eip155.json', 10],
    ['trezor/ethereum-sign-tx-eip1559.json', 8],
  ]
  for (const [file, count] of signTxCases) {
    it(`ethereumSignTransaction reproduces the firmware's r, s and v for ${file}`, async () => {
      const fixture = load<TxParameters, TxResult>(file)
      // Connect's chainId is a JS number: the max_uint64 case cannot be expressed through Connect.
      const tests = fixture.tests.filter((t) => Number.isSafeInteger(t.parameters.chain_id))
      assert.equal(tests.length, count)
      for (const { name, parameters: p, result } of tests) {
        const response = await device.ethereumSignTransaction({
          path: p.path,
          useEmptyPassphrase: true,
          transaction: {
            to: p.to_address,
            value: p.value,
            gasLimit: p.gas_limit,
            nonce: p.nonce,
            chainId: p.chain_id,
            data: p.data ? `0x${p.data}` : undefined,
            ...(p.max_gas_fee
              ? { maxFeePerGas: p.max_gas_fee, maxPriorityFeePerGas: p.max_priority_fee as string }
              : { gasPrice: p.gas_price as string }),
          } as never,
        })
        assert.ok(response.success, name)
        assert.equal(response.payload.r, `0x${result.sig_r}`, name)
        assert.equal(response.payload.s, `0x${result.sig_s}`, name)
        assert.equal(BigInt(response.payload.v), BigInt(result.sig_v), name)
      }
    })
  }

  it('ethereumSignTypedData reproduces the firmware signature for every MetaMask-v4 fixture', async () => {
    const fixture = load<{ path: string; metamask_v4_compat: boolean; data: never }, { address: string; sig: string }>(
      'trezor/ethereum-sign-typed-data.json',
    )
    const v4 = fixture.tests.filter((t) => t.parameters.metamask_v4_compat)
    assert.equal(v4.length, 9)
    for (const { name, parameters, result } of v4) {
      const response = await device.ethereumSignTypedData({
        path: parameters.path,
        data: parameters.data,
        metamask_v4_compat: true,
        useEmptyPassphrase: true,
      })
      assert.ok(response.success, name)
      assert.equal(response.payload.address, result.address, name)
      assert.equal(response.payload.signature, result.sig, name)
    }
  })
})

describe('createTrezorSigner over the double (one device instance per tier passphrase)', () => {
  const layout = defaultLayout()
  const passphrases: Record<string, string> = Object.fromEntries(
    layout.tiers.map((t) => [t.name, `pass phrase of ${t.name}`]),
  )
  const setup = () => {
    const device = new TrezorConnectDouble({ seed: bip39SeedSource(new Secret(ALL)) })
    const asked: string[] = []
    const signer = createTrezorSigner({
      connect: device,
      layout,
      passphrase: (tier) => {
        asked.push(tier)
        return new Secret(passphrases[tier] as string)
      },
    })
    return { device, signer, asked }
  }

  it("reports each tier's addresses as deriveLayout does with the same passphrases, asking each passphrase once", async () => {
    const { device, signer, asked } = setup()
    const software = deriveLayout(bip39SeedSource(ALL), layout, passphrases)
    for (const tier of layout.tiers) {
      assert.deepEqual(
        await signer.getAddresses(tier.name),
        software.filter((r) => r.tier === tier.name),
      )
    }
    await signer.getAddresses('MasterAdminVault')
    assert.deepEqual(
      asked,
      layout.tiers.map((t) => t.name),
    )
    assert.deepEqual(
      [...new Set(device.calls.map((c) => c.instance))],
      layout.tiers.map((_, i) => i + 1),
    )
  })

  it("signs an EIP-1559 and a legacy transaction that recover to the path's address", async () => {
    const { signer } = setup()
    const owner = await signer.account({ tier: 'MasterAdminVault', path: "m/44'/60'/0'/0/1" })
    const expected = deriveLayout(bip39SeedSource(ALL), layout, passphrases).find((r) => r.role === 'SafeOwner2')
    assert.equal(owner.address, expected?.address)
    const eip1559 = await owner.signTransaction({
      type: 'eip1559',
      chainId: 2789,
      nonce: 7,
      gas: 21_000n,
      maxFeePerGas: 2_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
      to: '0x8eA7a3fccC211ED48b763b4164884DDbcF3b0A98',
      value: parseEther('1.5'),
      data: '0xdeadbeef',
    })
    assert.equal(await recoverTransactionAddress({ serializedTransaction: eip1559 as never }), owner.address)
    const legacy = await signer.signTransaction({
      tier: 'ProtocolOperations',
      path: "m/44'/60'/1'/0/0",
      transaction: {
        type: 'legacy',
        chainId: 2789,
        nonce: 0,
        gas: 21_000n,
        gasPrice: 1_000_000_000n,
        to: owner.address,
        value: 1n,
      },
    })
    const rocketPool = deriveLayout(bip39SeedSource(ALL), layout, passphrases).find((r) => r.role === 'RocketPool')
    assert.equal(await recoverTransactionAddress({ serializedTransaction: legacy as never }), rocketPool?.address)
  })

  it("signs EIP-712 typed data that verifies for the path's address", async () => {
    const { signer } = setup()
    const typedData = {
      domain: { name: 'Safe', chainId: 2789, verifyingContract: '0x1111111111111111111111111111111111111111' },
      types: {
        Payout: [
          { name: 'to', type: 'address' },
          { name: 'amount', type: 'uint256' },
        ],
      },
      primaryType: 'Payout',
      message: { to: '0x2222222222222222222222222222222222222222', amount: 10n ** 18n },
    } as const
    const account = await signer.account({ tier: 'TeamFunds', path: "m/44'/60'/0'/0/0" })
    const signature = await account.signTypedData(typedData)
    assert.equal(await verifyTypedData({ ...typedData, address: account.address, signature }), true)
  })

  it('refuses a path outside the layout before any device call', async () => {
    const { device, signer } = setup()
    await assert.rejects(
      signer.signTypedData({
        tier: 'MasterAdminVault',
        path: "m/44'/60'/0'/0/9",
        typedData: { types: {}, primaryType: 'EIP712Domain', domain: {} } as never,
      }),
      { code: 'LAYOUT_PATH_OUTSIDE' },
    )
    assert.equal(device.calls.length, 0)
  })

  it("refuses a signature that does not recover to the path's address (TREZOR_SIGNATURE_MISMATCH)", async () => {
    const device = new TrezorConnectDouble({ seed: bip39SeedSource(ALL) })
    // A device that signs with another hidden wallet than the one it reported addresses from.
    const lying: TrezorConnectApi = {
      on: (type, listener) => device.on(type, listener),
      off: (type, listener) => device.off(type, listener),
      uiResponse: (response) => device.uiResponse(response),
      cancel: (error) => device.cancel(error),
      ethereumGetAddress: device.ethereumGetAddress,
      ethereumSignTransaction: device.ethereumSignTransaction,
      ethereumSignTypedData: ((params: { device: unknown }) =>
        device.ethereumSignTypedData({ ...(params as object), device: { instance: 99 } } as never)) as never,
    }
    const signer = createTrezorSigner({ connect: lying, layout, passphrase: () => 'x' })
    device.on('UI_EVENT', (event) => {
      if (event.payload?.device?.instance === 99)
        device.uiResponse({ type: 'ui-receive_passphrase', payload: { value: 'other' } })
    })
    await assert.rejects(
      signer.signTypedData({
        tier: 'TeamFunds',
        path: "m/44'/60'/0'/0/0",
        typedData: {
          types: { A: [{ name: 'a', type: 'uint256' }] },
          primaryType: 'A',
          domain: { chainId: 1 },
          message: { a: 1n },
        },
      }),
      { code: 'TREZOR_SIGNATURE_MISMATCH' },
    )
  })

  it('turns a Connect failure (the user rejects on the device) into TREZOR_CALL_FAILED with its error and code', async () => {
    const device = new TrezorConnectDouble({ seed: bip39SeedSource(ALL) })
    const rejecting: TrezorConnectApi = {
      on: (type, listener) => device.on(type, listener),
      off: (type, listener) => device.off(type, listener),
      uiResponse: (response) => device.uiResponse(response),
      cancel: (error) => device.cancel(error),
      ethereumGetAddress: device.ethereumGetAddress,
      ethereumSignTypedData: device.ethereumSignTypedData,
      ethereumSignTransaction: (async () => ({
        success: false,
        payload: { error: 'Cancelled', code: 'Method_Cancel' },
      })) as never,
    }
    const signer = createTrezorSigner({ connect: rejecting, layout, passphrase: () => '' })
    await assert.rejects(
      signer.signTransaction({
        tier: 'TeamFunds',
        path: "m/44'/60'/0'/0/0",
        transaction: {
          type: 'eip1559',
          chainId: 1,
          nonce: 0,
          gas: 21_000n,
          maxFeePerGas: 1n,
          maxPriorityFeePerGas: 1n,
          to: '0x0000000000000000000000000000000000000001',
          value: 1n,
        },
      }),
      {
        code: 'TREZOR_CALL_FAILED',
        shortMessage: 'TrezorConnect.ethereumSignTransaction failed: Cancelled',
        details: 'code Method_Cancel',
      },
    )
  })

  it('rejects the waiting call with TREZOR_PASSPHRASE_FAILED when the passphrase callback fails, and asks again next time', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const device = new TrezorConnectDouble({ seed: bip39SeedSource(ALL) })
      const failures = [new Error('the operator closed the prompt'), new Error('the vault is sealed')]
      let attempt = 0
      const signer = createTrezorSigner({
        connect: device,
        layout,
        passphrase: (tier) => {
          attempt++
          // A throwing callback, then a rejecting one, then the operator types the passphrase.
          if (attempt === 1) throw failures[0]
          if (attempt === 2) return Promise.reject(failures[1])
          return passphrases[tier] as string
        },
      })
      for (const failure of failures) {
        await assert.rejects(signer.getAddresses('TeamFunds'), (error: unknown) => {
          assert.ok(error instanceof TreasuryError)
          assert.equal(error.code, 'TREZOR_PASSPHRASE_FAILED')
          assert.equal(
            error.shortMessage,
            'TrezorConnect.ethereumGetAddress was cancelled: the passphrase of tier TeamFunds could not be had',
          )
          assert.equal(error.cause, failure)
          return true
        })
      }
      const software = deriveLayout(bip39SeedSource(ALL), layout, passphrases).filter((r) => r.tier === 'TeamFunds')
      assert.deepEqual(await signer.getAddresses('TeamFunds'), software)
      assert.equal(attempt, 3)
      await new Promise((resolve) => setImmediate(resolve))
      assert.deepEqual(unhandled, [])
      signer.close()
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it("the double's cancel() fails the waiting call as Connect does (Method_Cancel, or Method_Interrupted)", async () => {
    const device = new TrezorConnectDouble({ seed: bip39SeedSource(ALL) })
    const listener = () => device.cancel('no passphrase today')
    device.on('UI_EVENT', listener)
    assert.deepEqual(await device.ethereumGetAddress({ path: "m/44'/60'/0'/0/0" }), {
      success: false,
      payload: { error: 'no passphrase today', code: 'Method_Cancel' },
    })
    device.off('UI_EVENT', listener)
    device.on('UI_EVENT', () => device.cancel())
    assert.deepEqual(await device.ethereumGetAddress({ path: "m/44'/60'/0'/0/0" }), {
      success: false,
      payload: { error: 'Popup closed', code: 'Method_Interrupted' },
    })
  })

  it('prints no passphrase or mnemonic from the signer, the double or its call log', async () => {
    const { device, signer } = setup()
    await signer.getAddresses('PersonalPayout1')
    const text = [signer, device, device.calls]
      .map((o) => `${String(o)}${JSON.stringify(o)}${inspect(o, { depth: 10, showHidden: true })}`)
      .join('\n')
    assert.ok(!text.includes('pass phrase of'))
    assert.ok(!/\ball all\b/.test(text))
    assert.equal(String(signer), 'TrezorSigner([redacted])')
    assert.equal(inspect(device), 'TrezorConnectDouble([redacted])')
  })
})

describe('trezorConnectSettings', () => {
  const manifest = { appName: 'chainops', email: 'ops@example.org', appUrl: 'https://example.org' }
  it('uses the UDP transport of the emulator when asked, USB/Bridge otherwise', () => {
    assert.deepEqual(trezorConnectSettings({ manifest, emulator: true }).transports, ['UdpTransport'])
    assert.deepEqual(trezorConnectSettings({ manifest }).transports, ['BridgeTransport', 'NodeUsbTransport'])
  })
})
