-- Headless check of :GovreportExportDocx (npm run test:nvim): waits for the server, exports the open
-- report to a temporary .docx and checks the file is a Word package (a zip with word/document.xml).
local function fail(msg)
  io.stderr:write('nvim: FAIL ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local buf = vim.api.nvim_get_current_buf()
-- Wait for the event, not for time: the server has analysed the report once diagnostics arrive.
if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then return fail('the server did not answer') end
local target = vim.fn.tempname() .. '.docx'
vim.cmd('GovreportExportDocx ' .. target)
if not vim.wait(20000, function() return vim.g.govreport_exported == target end, 50) then return fail('no .docx written') end
local file = assert(io.open(target, 'rb'))
local bytes = file:read('*a')
file:close()
-- A zip (PK…) whose directory names word/document.xml (zip entry names are stored uncompressed).
if bytes:sub(1, 2) ~= 'PK' or not bytes:find('word/document.xml', 1, true) then return fail('not a Word package: ' .. #bytes .. ' bytes') end
io.stdout:write('nvim: exported ' .. target .. '\n')
io.stdout:write('nvim: 1 passed, 0 failed\n')
vim.cmd('qall!')
