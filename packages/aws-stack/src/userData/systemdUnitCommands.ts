import { writeFileCommand } from './writeFileCommand.ts'

export type SystemdUnitParameters = {
  name: string
  description: string
  /** The command line, absolute paths. */
  execStart: string
  user: string
  after?: readonly string[]
  environment?: Readonly<Record<string, string>>
}

/** Shell commands that install a restart-always systemd service and start it now and on every boot. */
export function systemdUnitCommands(parameters: SystemdUnitParameters): string[] {
  const { name, description, execStart, user, after = [], environment = {} } = parameters
  const unit = [
    '[Unit]',
    `Description=${description}`,
    `After=network-online.target ${after.join(' ')}`.trimEnd(),
    'Wants=network-online.target',
    '[Service]',
    `User=${user}`,
    ...Object.entries(environment).map(([key, value]) => `Environment=${key}=${value}`),
    `ExecStart=${execStart}`,
    'Restart=always',
    'RestartSec=5',
    'LimitNOFILE=65536',
    '[Install]',
    'WantedBy=multi-user.target',
  ].join('\n')
  return [
    writeFileCommand(`/etc/systemd/system/${name}.service`, unit),
    `systemctl daemon-reload && systemctl enable --now ${name}`,
  ]
}
