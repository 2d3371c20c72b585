#!/usr/bin/env sh
# npm run test:nvim — Debian's Neovim, headless, with editors/nvim/govreport.lua as its only config:
# opens a report fixture and checks the server's diagnostics and document symbols (check.lua), then
# exports it to Word with :GovreportExportDocx (check_export.lua).
set -eu
cd "$(dirname "$0")/../.."
command -v nvim >/dev/null || { echo "nvim not found: apt-get install neovim" >&2; exit 1; }
export GOVREPORT_SERVER="$PWD/dist/server.js"
echo "$(nvim --version | head -1), server $GOVREPORT_SERVER"
timeout -k 5 60 nvim --headless -n -i NONE -u editors/nvim/govreport.lua \
  test/integration/fixtures/missing-part.report.txt -c 'luafile editors/nvim/check.lua'
# :GovreportExportDocx through the server command govreport.exportDocx (check_export.lua).
exec timeout -k 5 60 nvim --headless -n -i NONE -u editors/nvim/govreport.lua \
  test/integration/fixtures/missing-part.report.txt -c 'luafile editors/nvim/check_export.lua'
