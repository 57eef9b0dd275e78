-- Drives Neovim's built-in LSP client (headless) against `rubrics lsp --stdio`: opens a file,
-- waits for the server's diagnostics, asks for a hover, then opens an assessment of a built-in
-- rubric, goes to the definition of one of its dimensions, opens the file it lands in as Neovim's
-- own go to definition does, reads that buffer, writes it all as JSON and quits.
-- Written for Neovim 0.7 (Debian 12) and later: start_client + buf_attach_client.
local out = assert(os.getenv('RUBRICS_NVIM_OUT'), 'RUBRICS_NVIM_OUT')
local file = assert(os.getenv('RUBRICS_NVIM_FILE'), 'RUBRICS_NVIM_FILE')
local root = assert(os.getenv('RUBRICS_NVIM_ROOT'), 'RUBRICS_NVIM_ROOT')
local cli = assert(os.getenv('RUBRICS_CLI'), 'RUBRICS_CLI')
local node = os.getenv('RUBRICS_NODE') or 'node'
local hover_line = tonumber(assert(os.getenv('RUBRICS_NVIM_HOVER_LINE')))
local hover_col = tonumber(assert(os.getenv('RUBRICS_NVIM_HOVER_COL')))
local builtin_file = assert(os.getenv('RUBRICS_NVIM_BUILTIN_FILE'), 'RUBRICS_NVIM_BUILTIN_FILE')
local builtin_line = tonumber(assert(os.getenv('RUBRICS_NVIM_BUILTIN_LINE')))
local builtin_col = tonumber(assert(os.getenv('RUBRICS_NVIM_BUILTIN_COL')))

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
-- Go to definition into the built-in rubric, from an assessment that uses it.
vim.cmd('edit ' .. vim.fn.fnameescape(builtin_file))
local assessment = vim.api.nvim_get_current_buf()
vim.bo[assessment].filetype = 'yaml'
vim.lsp.buf_attach_client(assessment, client_id)
local attached = vim.wait(15000, function() return #vim.diagnostic.get(assessment) > 0 or vim.lsp.buf_is_attached(assessment, client_id) end, 100)
if not attached then return finish({ error = 'the assessment of the built-in rubric was not attached' }) end
local at = { textDocument = { uri = vim.uri_from_bufnr(assessment) }, position = { line = builtin_line, character = builtin_col } }
local definition = nil
local answered = vim.wait(15000, function()
  local replies = vim.lsp.buf_request_sync(assessment, 'textDocument/definition', at, 5000) or {}
  for _, reply in pairs(replies) do
    local result = reply.result
    if result and result[1] then result = result[1] end
    if result and result.uri then definition = result end
  end
  return definition ~= nil
end, 200)
if not answered then return finish({ error = 'no definition for the dimension of the built-in rubric' }) end
-- What Neovim's go to definition does with the location: open its URI in a buffer, put the cursor on it.
vim.lsp.util.jump_to_location(definition, 'utf-16')
local target = vim.api.nvim_get_current_buf()
local cursor = vim.api.nvim_win_get_cursor(0)
finish({
  diagnostics = diagnostics,
  hover = hover,
  client = vim.lsp.get_client_by_id(client_id).name,
  definition = {
    uri = definition.uri,
    buffer = vim.api.nvim_buf_get_name(target),
    text = table.concat(vim.api.nvim_buf_get_lines(target, 0, -1, false), '\n'),
    line = cursor[1],
    column = cursor[2] + 1,
    lineText = vim.api.nvim_get_current_line(),
  },
})
