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

test('serve: SIGTERM stops the server promptly; a port in use is one line, no stack trace; beyond loopback needs a token', async () => {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-cli-'));
  const bin = new URL('../../../bin/dateline.js', import.meta.url).pathname;
  const db = join(dir, 's.db');
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /at (http:\/\/\S+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    const port = new URL(url).port;
    const io = captureIO();
    assert.equal(await main(['serve', '--db', db, '--port', port], io), 1);
    assert.match(io.stderr.join('\n'), /SERVE_LISTEN.*port is in use/);
    assert.doesNotMatch(io.stderr.join('\n'), /\n\s+at /);
    const started = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 0);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms to stop`);
    const open = captureIO();
    assert.equal(await main(['serve', '--db', db, '--port', '0', '--host', '0.0.0.0'], open), 2);
    assert.match(open.stderr.join('\n'), /needs a token/);
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
