import { describe, expect, it } from 'vitest';
import { base32, portProtoHash, servicePortChainName, servicePortEndpointChainName, sha256 } from './hash.ts';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('sha256 / base32', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });
  it('encodes RFC 4648 vectors', () => {
    expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI======');
  });
});

// The course notes (003) show a real cluster's `iptables -t nat -S` for the
// Service default/clusterip-service (10.100.100.100:80/TCP, three nginx pods
// 10.36.0.1-3). Chain names must come out exactly as the real kube-proxy's:
// kubernetes pkg/proxy/iptables/proxier.go (release-1.30/1.31 and every
// release since 1.2) — portProtoHash(servicePortName+protocol) and
// servicePortEndpointChainName(servicePortName+protocol+endpoint), sha256 →
// base32.StdEncoding → first 16 characters; protocol lower-cased.
describe('kube-proxy chain names', () => {
  it('KUBE-SVC- of default/clusterip-service tcp', () => {
    expect(servicePortChainName('default/clusterip-service', 'tcp')).toBe('KUBE-SVC-KUSV3H3OUX7H3MDQ');
    expect(portProtoHash('default/clusterip-service', 'tcp')).toBe('KUSV3H3OUX7H3MDQ');
  });
  it('KUBE-SEP- of its three endpoints', () => {
    expect(servicePortEndpointChainName('default/clusterip-service', 'tcp', '10.36.0.1:80')).toBe('KUBE-SEP-KPNE4OMUFKEDG6YL');
    expect(servicePortEndpointChainName('default/clusterip-service', 'tcp', '10.36.0.2:80')).toBe('KUBE-SEP-QC2YCZLGKU5ER4V3');
    expect(servicePortEndpointChainName('default/clusterip-service', 'tcp', '10.36.0.3:80')).toBe('KUBE-SEP-L7WI7M2YKMCGI5ZA');
  });
});
