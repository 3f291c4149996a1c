import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** The machine's interfaces by name, as `os.networkInterfaces()` gives them. */
export type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * Interfaces that are rarely the classroom's network: container and VM bridges (docker0, br-…,
 * virbr0, vmnet, vboxnet), VPN tunnels (tun, tap, utun, wg, tailscale, zt), and veth pairs.
 */
const VIRTUAL = /^(docker|br-|virbr|veth|vmnet|vboxnet|tun|tap|utun|wg|tailscale|zt|lxc|lxd|podman|cni|flannel)/i;

/** RFC 1918 private ranges: what school and home routers hand out. */
function isPrivate(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/**
 * The IPv4 addresses phones on the local network might reach this machine at, best first:
 * non-internal, not link-local (169.254/16, no router), a physical interface before a virtual one,
 * a private (RFC 1918) address before a public one.
 */
export function lanAddresses(interfaces: Interfaces = networkInterfaces()): string[] {
  const candidates = Object.entries(interfaces).flatMap(([name, list]) =>
    (list ?? [])
      .filter((a) => a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
      .map((a) => ({ name, address: a.address })),
  );
  const rank = (c: { name: string; address: string }) =>
    (VIRTUAL.test(c.name) ? 2 : 0) + (isPrivate(c.address) ? 0 : 1);
  return candidates
    .map((c, i) => ({ ...c, i }))
    .sort((x, y) => rank(x) - rank(y) || x.i - y.i)
    .map((c) => c.address);
}

/**
 * The address phones should open. Bound to a wildcard (0.0.0.0 or ::), that is the best LAN
 * address of this machine ({@link lanAddresses}), or 127.0.0.1 when it has none; bound to one
 * address, that address.
 */
export function joinAddress(host: string, port: number, interfaces: Interfaces = networkInterfaces()): string {
  const shown = host === '0.0.0.0' || host === '::' ? (lanAddresses(interfaces)[0] ?? '127.0.0.1') : host;
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/join/`;
}
