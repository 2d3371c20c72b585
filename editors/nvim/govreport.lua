-- Neovim client for the govreport language server (stdio). Source it from init.lua:
--   vim.env.GOVREPORT_SERVER = '/path/to/govreport/dist/server.js'   -- or leave `node` + the path below
--   dofile('/path/to/govreport/editors/nvim/govreport.lua')
-- Report files (*.govreport, *.report.txt) get the filetype `govreport`, which is also the LSP
-- languageId the server answers for. Works from Neovim 0.7 (vim.lsp.start_client) and uses
-- vim.lsp.start where it exists (0.8+).
local server = vim.env.GOVREPORT_SERVER or vim.fn.expand('~/govreport/dist/server.js')

vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = { '*.govreport', '*.report.txt' },
  callback = function() vim.bo.filetype = 'govreport' end,
})

local config = {
  name = 'govreport',
  cmd = { 'node', server, '--stdio' },
  -- messages in the editor's language; the server falls back to Chinese
  init_options = { locale = (vim.env.LANG or ''):match('^zh') and 'zh-cn' or 'en' },
}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'govreport',
  callback = function(args)
    config.root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      local id = vim.lsp.start_client(config)
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end
  end,
})

-- :GovreportExportDocx [file] — the report as a GB/T 9704 Word file through the server command
-- govreport.exportDocx (base64); by default next to the buffer's file, named by the server. A report
-- with findings still exports; the server's message (missing parts, errors) is echoed.
local function decode_base64(b64)
  if vim.base64 then return vim.base64.decode(b64) end -- Neovim 0.10+
  return vim.fn.system({ 'base64', '-d' }, b64) -- older: coreutils (Neovim keeps the bytes as they are)
end

vim.api.nvim_create_user_command('GovreportExportDocx', function(opts)
  local buf = vim.api.nvim_get_current_buf()
  local params = { command = 'govreport.exportDocx', arguments = { { uri = vim.uri_from_bufnr(buf) } } }
  vim.lsp.buf_request(buf, 'workspace/executeCommand', params, function(err, result)
    if err or type(result) ~= 'table' then
      vim.notify('govreport: export failed: ' .. (err and err.message or 'not a report'), vim.log.levels.ERROR)
      return
    end
    local target = opts.args ~= '' and opts.args
      or (vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h') .. '/' .. result.fileName)
    local file = assert(io.open(target, 'wb'))
    file:write(decode_base64(result.base64))
    file:close()
    vim.g.govreport_exported = target
    vim.notify(result.message .. ' → ' .. target, vim.log.levels.INFO)
  end)
end, { nargs = '?', complete = 'file', desc = 'Export the report to a GB/T 9704 .docx' })
