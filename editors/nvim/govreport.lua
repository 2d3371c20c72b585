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
