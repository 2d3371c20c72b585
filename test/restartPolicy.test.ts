// The client's answer to a server crash: restart with a message, but never loop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../client/src/restartPolicy';

test('a crashing server is restarted four times within three minutes, then left stopped', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  const decisions = [];
  for (let i = 0; i < 5; i++) {
    decisions.push(policy.onCrash());
    now += 10_000;
  }
  assert.deepEqual(decisions, ['restart', 'restart', 'restart', 'restart', 'stop']);
});

test('crashes far apart never stop the server', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  for (let i = 0; i < 20; i++) {
    assert.equal(policy.onCrash(), 'restart');
    now += 60_000;
  }
});
