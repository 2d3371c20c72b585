/**
 * Report text as Word writes it with "Save as Web Page" (filtered HTML): MsoNormal paragraphs in
 * WordSection divs, a section break between them (`<br clear=all style='page-break-before:always'>`
 * in a span of its own), the title centred. Built from any report's lines (the seeds, GBT_REPORT_LINES).
 */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `sections`: the line indices where a new section (a section break) starts. */
export function wordWebPage(lines: readonly string[], sections: readonly number[], charset = 'utf-8'): string {
  const out: string[] = [
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">',
    `<head><meta http-equiv=Content-Type content="text/html; charset=${charset}"><meta name=Generator content="Microsoft Word 15 (filtered)">`,
    '<style>p.MsoNormal {margin:0cm; text-align:justify; font-size:16.0pt; font-family:仿宋_GB2312;} div.WordSection1 {page:WordSection1;} div.WordSection2 {page:WordSection2;}</style>',
    '</head><body lang=ZH-CN style="text-justify-trim:punctuation">',
    "<div class=WordSection1 style='layout-grid:28.9pt'>",
  ];
  let section = 1;
  lines.forEach((line, i) => {
    if (sections.includes(i)) {
      out.push(
        '</div>',
        "<span style='font-size:16.0pt'><br clear=all style='page-break-before:always;mso-break-type:section-break'></span>",
      );
      out.push(`<div class=WordSection${++section} style='layout-grid:28.9pt'>`);
    }
    if (i === 0)
      out.push(
        `<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>${escape(line)}</span></b></p>`,
      );
    else if (line.trim() === '') out.push('<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>');
    else out.push(`<p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt'>${escape(line)}</span></p>`);
  });
  out.push('</div>', '</body></html>');
  return out.join('\n');
}
