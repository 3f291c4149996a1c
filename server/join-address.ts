import { networkInterfaces } from 'node:os';

/**
 * The address phones should open. Bound to a wildcard (0.0.0.0 or ::), that is the first
 * non-internal IPv4 address of this machine on the local network; otherwise the host itself.
 */
export function joinAddress(host: string, port: number): string {
  let shown = host;
  if (host === '0.0.0.0' || host === '::') {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal);
    shown = lan?.address ?? '127.0.0.1';
  }
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/join/`;
}
