import type { Predeploy } from './Predeploy.ts'

/**
 * Arachnid's deterministic deployment proxy (the CREATE2 factory Foundry, Hardhat and Safe's
 * tooling expect at 0x4e59b448…0B4956C). On public chains it is deployed by a keyless pre-EIP-155
 * transaction; a private chain places the same runtime code at the same address in its genesis so
 * CREATE2 deployments land at their canonical addresses. Calldata is salt (32 bytes) ++ init code;
 * it returns the new contract's address.
 */
export const deterministicDeploymentProxy: Predeploy = {
  name: 'deterministic-deployment-proxy',
  address: '0x4e59b44847b379578588920cA78FbF26c0B4956C',
  // The 69 (0x45) runtime bytes returned by the init code 0x604580600e600039806000f350fe of the
  // deployment transaction in https://github.com/Arachnid/deterministic-deployment-proxy.
  code: '0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3',
  source: 'https://github.com/Arachnid/deterministic-deployment-proxy (deployment transaction, runtime part)',
}
