/**
 * One entry of a `deposit_data-*.json` file, field for field and in the order the official deposit
 * CLI (ethstaker-deposit 1.3.1) writes it: bytes as lowercase hex without 0x, the amount in gwei as
 * a JSON number.
 */
export type DepositDataEntry = {
  /** The validator's 48-byte BLS public key. */
  pubkey: string
  /** 32 bytes: 0x01 or 0x02, 11 zero bytes, the withdrawal address. */
  withdrawal_credentials: string
  /** Gwei. */
  amount: number
  /** The 96-byte BLS signature of the deposit message over the network's deposit domain. */
  signature: string
  /** The `DepositMessage` hash tree root. */
  deposit_message_root: string
  /** The `DepositData` hash tree root, the one the deposit contract is called with. */
  deposit_data_root: string
  /** The network's genesis fork version, 4 bytes. */
  fork_version: string
  network_name: string
  deposit_cli_version: string
}

/** A field of a {@link DepositDataEntry}. */
export type DepositDataField = keyof DepositDataEntry
