import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIO } from '../io.js';
import { main } from '../main.js';

test('serve: a bad --port is a usage error (exit 2), before anything is opened', async () => {
  for (const port of ['abc', '70000', '-1', '1.5']) {
    const io = captureIO();
    assert.equal(await main(['serve', '--port', port, '--db', '/nonexistent/dir/x.db'], io), 2, port);
    assert.match(io.stderr.join('\n'), /--port/);
  }
});

test('serve: --help prints the usage with the defaults', async () => {
  const io = captureIO();
  assert.equal(await main(['serve', '--help'], io), 0);
  assert.match(io.stdout.join('\n'), /--port 8787.*--host 127\.0\.0\.1.*--allow-ingest/);
});
