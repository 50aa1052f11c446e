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

test('serve: a negative --rate-limit or a --max-upload-mb of 0 or less is a usage error (exit 2), before anything is opened', async () => {
  for (const argv of [['--rate-limit', '-5'], ['--max-upload-mb', '-1'], ['--max-upload-mb', '0']]) {
    const io = captureIO();
    assert.equal(await main(['serve', ...argv, '--db', '/nonexistent/dir/x.db'], io), 2, argv.join(' '));
  }
});

test('serve: --help prints the usage with the defaults', async () => {
  const io = captureIO();
  assert.equal(await main(['serve', '--help'], io), 0);
  assert.match(io.stdout.join('\n'), /--port 8787.*--host 127\.0\.0\.1.*--allow-ingest/);
});
