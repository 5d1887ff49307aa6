// Neovim headless (Debian's neovim, 0.7 or newer; CI installs it) as the language client: vim.lsp.start_client
// runs `heapscope lsp`, the buffer of a copy of examples/alloc.go attaches, and a Lua script writes the diagnostic
// Neovim holds for the parameter `values` (moved to the heap) and the hover on `return &values` into a JSON file. No nvim: the test fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesDir, cliPath } from '../helpers/paths.js';
import { tempDir, testCache } from '../helpers/cli.js';

const lua = (cmd: string[], root: string, out: string, cache: string): string => `
local client = vim.lsp.start_client({
  name = 'heapscope',
  cmd = ${JSON.stringify(cmd).replace(/^\[/, '{').replace(/\]$/, '}')},
  cmd_env = { HEAPSCOPE_CACHE = ${JSON.stringify(cache)}, NO_COLOR = '1' },
  root_dir = ${JSON.stringify(root)},
})
local result = { client = client }
if client then
  vim.lsp.buf_attach_client(0, client)
  vim.wait(120000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == 'returned-address' and d.lnum == 23 then return true end
    end
    return false
  end, 200)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'returned-address' and d.lnum == 23 then
      result.diagnostic = { code = code, lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message }
    end
  end
  local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 24, character = 9 } }
  local replies = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 20000) or {}
  for _, r in pairs(replies) do
    if r.result and r.result.contents then result.hover = r.result.contents.value end
  end
  vim.lsp.stop_client(client)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 100)
end
vim.fn.writefile({ vim.fn.json_encode(result) }, ${JSON.stringify(out)})
vim.cmd('qa!')
`;

test(
  'Neovim headless attaches heapscope lsp to alloc.go and reads the diagnostic and hover of return &values',
  { timeout: 300_000 },
  async () => {
    const dir = tempDir('heapscope-nvim-');
    const ex = join(dir, 'examples');
    cpSync(examplesDir, ex, { recursive: true });
    const out = join(dir, 'result.json');
    const script = join(dir, 'attach.lua');
    writeFileSync(script, lua([process.execPath, cliPath, 'lsp', '--stdio'], ex, out, testCache));
    const nvim = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${script}`, join(ex, 'alloc.go')], {
      cwd: ex,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    nvim.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const code = await new Promise<number | null>((ok, fail) => {
      nvim.on('error', (e) => fail(new Error(`nvim could not start (install Debian's neovim): ${e.message}`)));
      nvim.on('close', ok);
    });
    assert.equal(code, 0, err);
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      client: number;
      diagnostic?: { code: string; lnum: number; col: number; severity: number; source: string };
      hover?: string;
    };
    assert.ok(r.diagnostic, JSON.stringify(r));
    assert.deepEqual(
      {
        code: r.diagnostic.code,
        lnum: r.diagnostic.lnum,
        col: r.diagnostic.col,
        severity: r.diagnostic.severity,
        source: r.diagnostic.source,
      },
      { code: 'returned-address', lnum: 23, col: 20, severity: 3, source: 'heapscope' },
    );
    // The hover on `return &values` itself (line 25), a step of the explanation of the parameter moved to the heap.
    assert.match(r.hover ?? '', /`values` \(line 24\)/);
    assert.match(r.hover ?? '', /cause: `returned-address`/);
    assert.match(r.hover ?? '', /fix: /);
  },
);
