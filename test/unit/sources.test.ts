import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sourceLabel, UNFLAGGED_SOURCE } from '../../src/sdk/sources.js';

describe('sourceLabel', () => {
  it('names the two links the SDK leaves unflagged instead of saying "unknown"', () => {
    assert.equal(sourceLabel([]), UNFLAGGED_SOURCE);
    assert.match(UNFLAGGED_SOURCE, /instance metadata or a container endpoint/);
  });

  it('prefers the profile link over the static keys it started from', () => {
    assert.equal(sourceLabel(['CREDENTIALS_PROFILE', 'CREDENTIALS_PROFILE_SOURCE_PROFILE', 'CREDENTIALS_STS_ASSUME_ROLE']), 'profile role_arn via source_profile');
  });

  it('says "unknown" only for flags it has never seen', () => {
    assert.equal(sourceLabel(['CREDENTIALS_FROM_THE_FUTURE']), 'unknown');
  });
});
