// The `docx` package as a bundle of its own (dist/docx.js, dist/web/docx.js), loaded on first export.
export * from 'docx';
