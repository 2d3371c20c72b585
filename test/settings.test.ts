// Severity settings and workspace files through the real server: govreport.rules pulled with
// workspace/configuration, re-pulled on didChangeConfiguration; .govreport.json from the client.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type ServerHandle } from './support/lspClient';
import { dedent } from './support/render';

const TEXT = dedent(`
  关于2024年法治政府建设情况的报告
  [bookmark: _GoBack]
  一、2024年主要举措和成效
  全年学法12次。
`);

describe('settings over stdio', () => {
  let server: ServerHandle;
  let current: Record<string, unknown> = { rules: { 'missing-signature': 'off' } };
  before(async () => {
    server = await startServer({ configuration: (section) => (section === 'govreport' ? current : null) });
  });
  after(async () => {
    await server.stop();
  });
  const uri = 'file:///settings.govreport';
  const codes = (d: { code?: string | number }[]) => d.map((x) => String(x.code));

  test('govreport.rules at start: a rule switched off is not reported', { timeout: 10000 }, async () => {
    await server.open(uri, TEXT);
    const d = await server.until(uri, (ds) => !codes(ds).includes('missing-signature'));
    assert.ok(codes(d).includes('debris'));
    assert.ok(codes(d).includes('missing-part'));
  });

  test('a changed setting re-publishes with the new severities', { timeout: 10000 }, async () => {
    current = { rules: { debris: 'error', 'missing-part': 'off' } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const d = await server.until(uri, (ds) => !codes(ds).includes('missing-part'));
    assert.equal(d.find((x) => x.code === 'debris')?.severity, 1);
    assert.ok(codes(d).includes('missing-signature'), 'no longer switched off');
  });

  test('.govreport.json from a trusted workspace: profile and severities; the user setting wins per code', { timeout: 10000 }, async () => {
    current = { rules: { debris: 'error' } };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.connection.sendNotification('govreport/workspaceConfig', {
      config: { profile: 'xxgk-annual', rules: { debris: 'hint', placeholder: 'off' } },
    });
    // xxgk-annual's six parts are all missing here.
    const d = await server.until(uri, (ds) => ds.filter((x) => x.code === 'missing-part').length === 6);
    // The user's setting (debris: error) overrides the workspace file (debris: hint).
    assert.equal(d.find((x) => x.code === 'debris')?.severity, 1);
    current = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const d2 = await server.until(uri, (ds) => ds.some((x) => x.code === 'debris' && x.severity === 4));
    assert.equal(d2.filter((x) => x.code === 'missing-part').length, 6);
  });

  test('an invalid workspace file is ignored', { timeout: 10000 }, async () => {
    await server.connection.sendNotification('govreport/workspaceConfig', {
      config: { profile: 'no-such-profile', rules: { debris: 'loud' } },
    });
    const d = await server.until(uri, (ds) => ds.some((x) => x.code === 'debris' && x.severity === 2));
    assert.deepEqual(
      d.filter((x) => x.code === 'missing-part').map((x) => (x.data as { part: string }).part),
      ['shortcomings', 'first-responsible', 'next-year'],
    );
  });
});
