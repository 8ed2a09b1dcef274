import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCaller } from '../../src/areas/identity/principal.js';
import type { ProfileConfig } from '../../src/sdk/sts/config.js';
import { resolveStsEndpoint } from '../../src/sdk/sts/endpoint.js';
import { classifyStsError } from '../../src/sdk/sts/errors.js';
import { maskProxyUrl, resolveProxy } from '../../src/sdk/proxy.js';
import { resolveRegion } from '../../src/sdk/sts/region.js';

const prof = (values: Record<string, string>, services: ProfileConfig['services'] = {}): ProfileConfig => ({ name: 'p', values, services });

describe('region, as the JavaScript SDK resolves it', () => {
  it('flag > AWS_REGION > profile > fallback; AWS_DEFAULT_REGION is never used', () => {
    assert.equal(resolveRegion('eu-west-1', { AWS_REGION: 'us-west-2' }, prof({ region: 'ap-south-1' })).source, 'flag');
    assert.equal(resolveRegion(undefined, { AWS_REGION: 'us-west-2' }, prof({ region: 'ap-south-1' })).region, 'us-west-2');
    assert.equal(resolveRegion(undefined, {}, prof({ region: 'ap-south-1' })).source, 'profile');
    const fb = resolveRegion(undefined, { AWS_DEFAULT_REGION: 'eu-west-3' }, prof({}));
    assert.equal(fb.region, 'us-east-1');
    assert.equal(fb.source, 'fallback');
    assert.equal(fb.ignoredDefaultRegion, 'eu-west-3');
    assert.match(fb.why, /Region is missing/);
  });
});

describe('STS endpoint, as getEndpointUrlConfig("STS") resolves it', () => {
  it('AWS_ENDPOINT_URL_STS > AWS_ENDPOINT_URL > services section > profile endpoint_url > regional', () => {
    const p = prof({ services: 'local', endpoint_url: 'http://profile:1' }, { local: { 'sts.endpoint_url': 'http://svc:2' } });
    assert.deepEqual(resolveStsEndpoint({ AWS_ENDPOINT_URL_STS: 'http://a:1', AWS_ENDPOINT_URL: 'http://b:1' }, 'us-east-1', p), { url: 'http://a:1', source: 'AWS_ENDPOINT_URL_STS' });
    assert.equal(resolveStsEndpoint({ AWS_ENDPOINT_URL: 'http://b:1' }, 'us-east-1', p).source, 'AWS_ENDPOINT_URL');
    assert.equal(resolveStsEndpoint({}, 'us-east-1', p).url, 'http://svc:2');
    assert.equal(resolveStsEndpoint({}, 'us-east-1', prof({ endpoint_url: 'http://profile:1' })).source, 'profile endpoint_url');
    assert.equal(resolveStsEndpoint({}, 'eu-west-1', prof({})).url, 'https://sts.eu-west-1.amazonaws.com');
    assert.equal(resolveStsEndpoint({}, 'cn-north-1').url, 'https://sts.cn-north-1.amazonaws.com.cn');
  });
  it('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true switches overrides off; a missing services section is reported', () => {
    const r = resolveStsEndpoint({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_STS: 'http://a:1' }, 'us-east-1');
    assert.equal(r.source, 'regional default');
    assert.equal(r.ignoredOverrides, true);
    assert.equal(resolveStsEndpoint({}, 'us-east-1', prof({ services: 'nope' })).missingServicesSection, 'nope');
  });
});

describe('proxy selection', () => {
  it('uses the scheme\'s variable, lower case first, and NO_PROXY bypasses by host suffix and port', () => {
    assert.equal(resolveProxy({ HTTPS_PROXY: 'http://up:1', https_proxy: 'http://low:1' }, 'https://sts.us-east-1.amazonaws.com').proxy?.variable, 'https_proxy');
    assert.equal(resolveProxy({ HTTP_PROXY: 'http://p:1' }, 'https://sts.amazonaws.com').proxy, undefined);
    assert.deepEqual(resolveProxy({ HTTPS_PROXY: 'p:3128', NO_PROXY: 'foo, .amazonaws.com' }, 'https://sts.amazonaws.com').bypassedBy, { variable: 'NO_PROXY', entry: '.amazonaws.com' });
    assert.equal(resolveProxy({ HTTPS_PROXY: 'p:3128', no_proxy: 'amazonaws.com:80' }, 'https://sts.amazonaws.com').proxy?.url, 'http://p:3128');
    assert.ok(resolveProxy({ HTTP_PROXY: 'http://p:1', NO_PROXY: '*' }, 'http://x:1').bypassedBy);
  });
  it('masks proxy passwords', () => {
    assert.equal(maskProxyUrl('http://u:s3cret@proxy:3128'), 'http://u:****@proxy:3128');
  });
});

describe('error classification and principals', () => {
  it('sorts Node errors into kinds', () => {
    assert.equal(classifyStsError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' })).kind, 'dns');
    assert.equal(classifyStsError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9 })).address, '127.0.0.1:9');
    assert.equal(classifyStsError(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' })).kind, 'tls');
    assert.equal(classifyStsError(Object.assign(new Error('x'), { name: 'TimeoutError' })).kind, 'timeout');
    assert.equal(classifyStsError(new Error('x'), { connectStatus: 407, connectStatusText: 'Proxy Authentication Required' }).proxyStatus, 407);
    const sts = classifyStsError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 2 } }));
    assert.deepEqual([sts.kind, sts.code, sts.attempts], ['sts', 'Throttling', 2]);
  });
  it('parses caller ARNs', () => {
    assert.deepEqual(parseCaller('1', 'arn:aws:sts::1:assumed-role/r/s@x', 'AROA:s@x'), { account: '1', arn: 'arn:aws:sts::1:assumed-role/r/s@x', userId: 'AROA:s@x', principalType: 'assumed-role', partition: 'aws', roleName: 'r', sessionName: 's@x' });
    assert.equal(parseCaller('1', 'arn:aws-us-gov:iam::1:root', '1').principalType, 'root');
    assert.equal(parseCaller('1', 'arn:aws:iam::1:user/path/bob', 'AIDA').userName, 'bob');
    assert.equal(parseCaller('1', 'arn:aws:sts::1:federated-user/carol', 'x').principalType, 'federated-user');
  });
});
