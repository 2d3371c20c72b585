;;; govreport.el --- Emacs (eglot) client for the govreport language server  -*- lexical-binding: t; -*-
;; Load it from init.el:  (load "/path/to/govreport/editors/emacs/govreport.el")
;; and set `govreport-server' to the built server (npm run build → dist/server.js).
;; eglot derives the LSP languageId from the major mode: `govreport-mode' → "govreport",
;; the id the server answers for.

(require 'eglot)

(defvar govreport-server (expand-file-name "~/govreport/dist/server.js")
  "Path of the govreport language server (dist/server.js).")

(define-derived-mode govreport-mode text-mode "GovReport"
  "Major mode for annual government report drafts (法治政府建设年度报告).")

(add-to-list 'auto-mode-alist '("\\.report\\.txt\\'" . govreport-mode))
(add-to-list 'auto-mode-alist '("\\.govreport\\'" . govreport-mode))
(add-to-list 'eglot-server-programs
             `(govreport-mode . ("node" ,govreport-server "--stdio")))
(add-hook 'govreport-mode-hook #'eglot-ensure)

(provide 'govreport)
;;; govreport.el ends here
