export type TrezorConnectSettingsParameters = {
  /** Who is asking: Connect refuses to start without a manifest. */
  manifest: { appName: string; email: string; appUrl: string }
  /**
   * Talk to the Trezor emulator (trezor-user-env / `trezor-emu`) over UDP instead of a USB device.
   * The emulator listens on 127.0.0.1:21324.
   */
  emulator?: boolean | undefined
}

/** The settings `TrezorConnect.init` takes for a Node process: in-process core, USB or emulator transport. */
export function trezorConnectSettings(parameters: TrezorConnectSettingsParameters) {
  return {
    manifest: parameters.manifest,
    lazyLoad: false,
    // The passphrase is answered through UI_EVENT by the signer, per device instance.
    transports: parameters.emulator
      ? ['UdpTransport' as const]
      : ['BridgeTransport' as const, 'NodeUsbTransport' as const],
    pendingTransportEvent: true,
  }
}
