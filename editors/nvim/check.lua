-- Headless check of the Neovim setup (npm run test:nvim): with govreport.lua loaded and a report
-- open, waits for the server's diagnostics and asks for the document symbols, prints both,
-- and exits non-zero when the missing part or the outline is not what the fixture has.
local function fail(msg)
  io.stderr:write('nvim: FAIL ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= 'govreport' then return fail('filetype is "' .. vim.bo[buf].filetype .. '"') end

local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end
local function missing_parts()
  return vim.tbl_filter(function(d) return code_of(d) == 'missing-part' end, vim.diagnostic.get(buf))
end

-- Wait for the event, not for time: vim.wait runs the event loop until the condition holds.
if not vim.wait(20000, function() return #missing_parts() > 0 end, 50) then
  return fail('no missing-part diagnostic arrived')
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  io.stdout:write(string.format('diagnostic %d:%d %s %s\n', d.lnum + 1, d.col + 1, tostring(code_of(d)), d.message))
end

local params = { textDocument = vim.lsp.util.make_text_document_params() }
local replies = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 10000) or {}
local names = {}
local function walk(symbols, depth)
  for _, s in ipairs(symbols or {}) do
    io.stdout:write(string.rep('  ', depth) .. 'symbol ' .. s.name .. '\n')
    if depth == 0 then table.insert(names, s.name) end
    walk(s.children, depth + 1)
  end
end
for _, reply in pairs(replies) do walk(reply.result, 0) end

local missing = missing_parts()
if #missing ~= 1 or missing[1].lnum ~= 2 then return fail('expected one missing-part diagnostic, on line 3') end
local want = { '一、2024年推进法治政府建设的主要举措和成效', '二、存在的问题', '三、2025年工作打算' }
local parts = vim.tbl_filter(function(n) return n:match('^[一二三四五六七八九十]+、') end, names)
if not vim.deep_equal(parts, want) then return fail('level-1 symbols were: ' .. table.concat(parts, ' | ')) end
io.stdout:write('nvim: 2 passed, 0 failed\n')
vim.cmd('qall!')
