import { describe, expect, it } from 'vitest';
import { addressKind } from './public-address.ts';

/** How an address spelled in a URL's host ends up: the WHATWG parser normalises IPv4 spellings. */
const hostOf = (spelling: string) => new URL(`https://${spelling}/`).hostname.replace(/^\[(.*)\]$/, '$1');

describe('addressKind', () => {
  it('IPv4 loopback in every spelling a URL accepts is loopback', () => {
    for (const spelling of [
      '127.0.0.1',
      '127.1',
      '127.0.1',
      '0x7f.1',
      '0177.0.0.1',
      '2130706433',
      '0x7f000001',
      '127.255.255.254',
    ]) {
      expect(addressKind(hostOf(spelling)), spelling).toBe('loopback');
    }
  });

  it('private, link-local, CGNAT, unspecified, multicast, reserved, documentation and benchmarking IPv4 are blocked', () => {
    const spellings = [
      '0.0',
      '0.0.0.0',
      '0.1.2.3',
      '10.1',
      '10.0.0.1',
      '10.255.255.255',
      '012.1.1.1',
      '192.168.1',
      '192.168.0.1',
      '0xc0.0xa8.1.1',
      '172.16.0.1',
      '172.31.255.255',
      '169.254.43518',
      '0xa9.0xfe.0xa9.0xfe',
      '169.254.169.254',
      '100.64.0.1',
      '100.127.255.255',
      '192.0.0.8',
      '192.0.2.1',
      '198.51.100.7',
      '203.0.113.9',
      '198.18.0.1',
      '198.19.255.255',
      '192.88.99.1',
      '224.0.0.1',
      '239.255.255.250',
      '240.0.0.1',
      '255.255.255.255',
    ];
    for (const spelling of spellings) expect(addressKind(hostOf(spelling)), spelling).toBe('blocked');
  });

  it('public IPv4 is public, including the neighbours of blocked ranges', () => {
    for (const address of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.215.14',
      '172.15.255.255',
      '172.32.0.1',
      '100.63.255.255',
      '100.128.0.1',
      '169.253.1.1',
      '11.0.0.1',
      '223.255.255.255',
      '198.17.255.255',
    ]) {
      expect(addressKind(address), address).toBe('public');
    }
  });

  it('IPv6 loopback, unspecified, ULA, link-local, site-local, multicast, documentation, Teredo and discard are not public', () => {
    expect(addressKind('::1')).toBe('loopback');
    expect(addressKind('0:0:0:0:0:0:0:1')).toBe('loopback');
    expect(addressKind(hostOf('[0000::0001]'))).toBe('loopback');
    for (const address of [
      '::',
      'fc00::1',
      'fd12:3456:789a::1',
      'fe80::1',
      'fe80::1%eth0',
      'febf::1',
      'fec0::1',
      'ff02::1',
      'ff05::1:3',
      '2001:db8::1',
      '3fff::1',
      '2001::1',
      '2001:0:4136:e378:8000:63bf:3fff:fdd2',
      '2001:2::1',
      '2001:10::1',
      '100::1',
      '64:ff9b:1::1',
    ]) {
      expect(addressKind(address), address).toBe('blocked');
    }
  });

  it('IPv6 forms embedding an IPv4 address are what they embed', () => {
    const loopback = [
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:ffff:7f00:0001',
      hostOf('[::ffff:127.0.0.1]'),
      '::ffff:0:127.0.0.1',
      '64:ff9b::127.0.0.1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::1',
      '::127.0.0.1',
    ];
    for (const address of loopback) expect(addressKind(address), address).toBe('loopback');
    const blocked = [
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
      '::ffff:192.168.0.1',
      '::ffff:0.0.0.0',
      '64:ff9b::10.1.2.3',
      '64:ff9b::a9fe:a9fe',
      '2002:a9fe:a9fe::1',
      '2002:c0a8:0101::',
      '::10.0.0.1',
      '::2',
    ];
    for (const address of blocked) expect(addressKind(address), address).toBe('blocked');
    for (const address of ['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])
      expect(addressKind(address), address).toBe('public');
  });

  it('global unicast IPv6 is public', () => {
    for (const address of [
      '2606:4700:4700::1111',
      '2a00:1450:4001:80b::200e',
      '2001:4860:4860::8888',
      '2c0f:fb50:4002::1',
    ])
      expect(addressKind(address), address).toBe('public');
  });

  it('anything that is not an IP address is blocked', () => {
    for (const text of ['', 'localhost', 'example.com', '127.1', '1.2.3', '::ffff:999.0.0.1', 'fe80::1%', '[::1]'])
      expect(addressKind(text), text).toBe('blocked');
  });
});
