-- Drives Neovim's built-in LSP client (headless) against `rubrics lsp --stdio`: opens a file,
-- waits for the server's diagnostics, asks for a hover, writes both as JSON and quits.
-- Written for Neovim 0.7 (Debian 12) and later: start_client + buf_attach_client.
local out = assert(os.getenv('RUBRICS_NVIM_OUT'), 'RUBRICS_NVIM_OUT')
local file = assert(os.getenv('RUBRICS_NVIM_FILE'), 'RUBRICS_NVIM_FILE')
local root = assert(os.getenv('RUBRICS_NVIM_ROOT'), 'RUBRICS_NVIM_ROOT')
local cli = assert(os.getenv('RUBRICS_CLI'), 'RUBRICS_CLI')
local node = os.getenv('RUBRICS_NODE') or 'node'
local hover_line = tonumber(assert(os.getenv('RUBRICS_NVIM_HOVER_LINE')))
local hover_col = tonumber(assert(os.getenv('RUBRICS_NVIM_HOVER_COL')))

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'yaml'

local client_id = vim.lsp.start_client({
  name = 'rubrics',
  cmd = { node, cli, 'lsp', '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'samples' } },
  settings = { rubrics = { workspaceScan = { enabled = false } } },
})
if not client_id then return finish({ error = 'the language server did not start' }) end
vim.lsp.buf_attach_client(bufnr, client_id)

local got = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 100)
if not got then return finish({ error = 'no diagnostics within 30 s' }) end

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(diagnostics, {
    line = d.lnum + 1,
    column = d.col + 1,
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = d.code or lsp.code,
  })
end

local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = hover_col } }
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 15000) or {}
local hover = nil
for _, response in pairs(responses) do
  local contents = response.result and response.result.contents
  if contents then hover = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or contents end
end
finish({ diagnostics = diagnostics, hover = hover, client = vim.lsp.get_client_by_id(client_id).name })
