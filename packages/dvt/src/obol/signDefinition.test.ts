import assert from 'node:assert/strict'
import { bip39SeedSource, defaultLayout, deriveLayout } from '@chainops/treasury'
import { toHex } from 'viem'
import { HDKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'
import { createDefinition } from './createDefinition.ts'
import { hashDefinition } from './hashDefinition.ts'
import { obolOperatorAccount } from './obolOperatorAccount.ts'
import { signDefinition } from './signDefinition.ts'
import { verifyDefinition } from './verifyDefinition.ts'

// Hardhat's test mnemonic: a public test value, no funds.
const mnemonic = 'test test test test test test test test test test test junk'
const enr = (i: number) =>
  `enr:-HW4QEp-BLhP30tqTGFbR9n2PdUKWP9qc0zphIRmn8_jpm4BYkgekztXQaPA_znRW8RvNYHo0pUwyPEwUGGeZu26XlKAgmlkgnY0iXNlY3AyNTZrMaEDG4TFVnsSZECZXT7VqroFZdceGDRgSBn_nBf16dXdB4${i}`

describe('createDefinition / signDefinition', () => {
  const roles = deriveLayout(bip39SeedSource(mnemonic), defaultLayout())
  const obol = (m: number) => roles.find((role) => role.role === `ObolCluster1Operator${m}`)
  const creator = mnemonicToAccount(mnemonic, { path: "m/44'/60'/0'/0/0" })

  it("obolOperatorAccount is the DVTNodeKeys tier's ObolCluster1OperatorM at m/44'/60'/10'/0/(M-1)", () => {
    for (const m of [1, 2, 3, 4]) {
      const account = obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 1, operator: m })
      assert.equal(obol(m)?.path, `m/44'/60'/10'/0/${m - 1}`)
      assert.equal(account.address, obol(m)?.address)
    }
    assert.throws(() => obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 9, operator: 1 }), {
      code: 'OBOL_INVALID_INPUT',
      shortMessage: 'the layout has no ObolCluster9Operator1 role in the DVTNodeKeys tier',
    })
  })

  it('no mnemonic word or private key reaches an error or the account object', async () => {
    const account = obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 1, operator: 1 })
    const privateKey = toHex(
      HDKey.fromMasterSeed(bip39SeedSource(mnemonic).seed('').reveal()).derive("m/44'/60'/10'/0/0").privateKey ??
        new Uint8Array(),
    )
    assert.equal(privateKeyToAccount(privateKey).address, account.address)
    const errors: unknown[] = []
    try {
      obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 1, operator: 99 })
    } catch (error) {
      errors.push(error)
    }
    const definition = createDefinition({
      name: 'x',
      operators: [creator.address, obol(2)?.address ?? '', obol(3)?.address ?? ''],
      validators: 1,
      feeRecipient: creator.address,
      withdrawalAddress: creator.address,
      network: 'mainnet',
      creator: creator.address,
    })
    await signDefinition(definition, { role: 'creator', account }).catch((error: unknown) => errors.push(error))
    assert.equal(errors.length, 2)
    const printed = [
      ...errors.map((error) => `${String(error)} ${JSON.stringify(error)}`),
      JSON.stringify(account),
    ].join('\n')
    assert.equal(printed.includes(privateKey.slice(2)), false)
    for (const word of new Set(mnemonic.split(' '))) assert.equal(new RegExp(`\\b${word}\\b`).test(printed), false)
  })

  for (const version of ['v1.7.0', 'v1.8.0', 'v1.9.0', 'v1.10.0', 'v1.11.0'] as const) {
    it(`${version}: create, then the creator and every operator sign, then verifyDefinition passes`, async () => {
      const operators = [1, 2, 3, 4].map((m) =>
        obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 1, operator: m }),
      )
      let definition = createDefinition({
        name: 'chainops test cluster',
        operators: operators.map((account) => account.address),
        validators: 2,
        feeRecipient: '0x000000000000000000000000000000000000fee1',
        withdrawalAddress: '0x000000000000000000000000000000000000d00d',
        network: 'hoodi',
        creator: creator.address,
        version,
        uuid: 'F8A0F2E4-6D8B-4A55-9F62-3E0D1C2B3A49',
        timestamp: '2026-12-01T09:00:00Z',
      })
      assert.equal(definition.threshold, 3)
      assert.equal(definition.fork_version, '0x10000910')
      const unsigned = await verifyDefinition(definition).catch((error: unknown) => error)
      assert.ok(unsigned instanceof Error)
      definition = await signDefinition(definition, { role: 'creator', account: creator })
      for (const [i, account] of operators.entries())
        definition = await signDefinition(definition, { role: 'operator', account, enr: enr(i) })
      assert.deepEqual(hashDefinition(definition), {
        configHash: definition.config_hash,
        definitionHash: definition.definition_hash,
      })
      assert.deepEqual(await verifyDefinition(definition), {
        configHash: definition.config_hash,
        definitionHash: definition.definition_hash,
        signatures: 9,
      })
      assert.equal(definition.operators[2]?.enr, enr(2))
    })
  }

  it('refuses bad parameters and a signer that is not in the definition', async () => {
    const base = {
      name: 'x',
      operators: [obol(1)?.address ?? '', obol(2)?.address ?? '', obol(3)?.address ?? ''],
      validators: 1,
      feeRecipient: creator.address,
      withdrawalAddress: creator.address,
      network: 'mainnet',
      creator: creator.address,
    }
    assert.throws(() => createDefinition({ ...base, threshold: 1 }), {
      code: 'OBOL_INVALID_INPUT',
      shortMessage: 'threshold 1 is outside 2 (ceil(2n/3)) to 3 for 3 operators',
    })
    assert.throws(() => createDefinition({ ...base, network: 'nowhere' }), { code: 'OBOL_INVALID_INPUT' })
    assert.throws(() => createDefinition({ ...base, feeRecipient: '0x12' }), {
      code: 'OBOL_INVALID_INPUT',
      shortMessage: 'feeRecipient is not an address',
    })
    assert.throws(() => createDefinition({ ...base, operators: [creator.address, creator.address] }), {
      code: 'OBOL_INVALID_INPUT',
    })
    const definition = createDefinition(base)
    const stranger = obolOperatorAccount({ seed: bip39SeedSource(mnemonic), cluster: 1, operator: 4 })
    await assert.rejects(signDefinition(definition, { role: 'operator', account: stranger, enr: enr(0) }), {
      code: 'OBOL_INVALID_INPUT',
      shortMessage: `${stranger.address} is not an operator of the definition`,
    })
    await assert.rejects(signDefinition(definition, { role: 'creator', account: stranger }), {
      code: 'OBOL_INVALID_INPUT',
    })
  })
})
