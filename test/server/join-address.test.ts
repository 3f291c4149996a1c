import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinAddress, lanAddresses, type Interfaces } from '../../server/join-address.ts';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0,
});

const loopback: Interfaces = { lo: [v4('127.0.0.1', true)] };

describe('joinAddress', () => {
  it.each<[string, Interfaces, string]>([
    ['the Wi-Fi address, not loopback', { lo: [v4('127.0.0.1', true)], wlan0: [v4('192.168.1.23')] }, '192.168.1.23'],
    [
      'the Wi-Fi address over a Docker bridge listed first',
      { docker0: [v4('172.17.0.1')], wlp2s0: [v4('10.20.3.4')] },
      '10.20.3.4',
    ],
    ['a private address over a public one', { eth0: [v4('203.0.113.7')], eth1: [v4('192.168.0.5')] }, '192.168.0.5'],
    ['not a link-local address (no DHCP answer)', { en0: [v4('169.254.3.3')], en1: [v4('10.0.0.8')] }, '10.0.0.8'],
    ['IPv4 when the interface also has IPv6', { en0: [v6('fe80::1'), v4('192.168.50.2')] }, '192.168.50.2'],
    [
      'a VPN tunnel only when nothing else exists',
      { utun3: [v4('100.64.0.2')], lo0: [v4('127.0.0.1', true)] },
      '100.64.0.2',
    ],
    ['127.0.0.1 when there is no other interface', loopback, '127.0.0.1'],
  ])('bound to 0.0.0.0 picks %s', (_, interfaces, expected) => {
    expect(joinAddress('0.0.0.0', 4322, interfaces)).toBe(`http://${expected}:4322/join/`);
    expect(joinAddress('::', 4322, interfaces)).toBe(`http://${expected}:4322/join/`);
  });

  it('shows the host it is bound to when that is one address', () => {
    const lan: Interfaces = { wlan0: [v4('192.168.1.23')] };
    expect(joinAddress('127.0.0.1', 4322, lan)).toBe('http://127.0.0.1:4322/join/');
    expect(joinAddress('192.168.1.23', 80, lan)).toBe('http://192.168.1.23:80/join/');
    expect(joinAddress('fd00::5', 4322, lan)).toBe('http://[fd00::5]:4322/join/');
  });

  it('lists every LAN address, best first, for the "other addresses" line', () => {
    expect(lanAddresses({ docker0: [v4('172.17.0.1')], wlan0: [v4('192.168.1.23')], eth0: [v4('10.1.1.1')] })).toEqual([
      '192.168.1.23',
      '10.1.1.1',
      '172.17.0.1',
    ]);
  });

  it('on this machine, bound to 0.0.0.0, never shows loopback when a LAN address exists', () => {
    const lan = lanAddresses();
    const shown = new URL(joinAddress('0.0.0.0', 4322)).hostname;
    if (lan.length > 0) expect(shown).toBe(lan[0]);
    else expect(shown).toBe('127.0.0.1');
  });
});
