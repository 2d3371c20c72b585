/**
 * What a clerk pastes into a draft: the bad-input battery shared by the protocol test and the
 * core test. Each case is built lazily (the big ones are megabytes).
 */
export interface BadInput {
  readonly name: string;
  readonly text: () => string;
  /** Too big to ask every request about: open + document symbols only. */
  readonly huge?: boolean;
  /** Slow to analyse (seconds): proven through the server only, not again through the CLI. */
  readonly slow?: boolean;
}

const REPORT = [
  '关于2024年法治政府建设情况的报告',
  '一、2024年主要举措和成效',
  '（一）强化领导。一是健全机制。二是加强考核。',
  '二、存在的不足和原因',
  '三、2025年工作安排',
  '四、党政主要负责人履行推进法治建设第一责任人职责情况',
];

/** UTF-8 bytes of a GBK-encoded text decoded as UTF-8: what a GBK file opened as UTF-8 looks like. */
function mojibake(): string {
  // GBK bytes of “一、主要举措和成效” and “二、存在的不足和原因”, decoded with replacement characters.
  const gbk = [
    0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7, 0xd2, 0xaa, 0xbe, 0xd9, 0xb4, 0xeb, 0xba, 0xcd, 0xb3, 0xc9, 0xd0, 0xa7, 0x0a, 0xb6, 0xfe, 0xa1,
    0xa2, 0xb4, 0xe6, 0xd4, 0xda, 0xb5, 0xc4, 0xb2, 0xbb, 0xd7, 0xe3, 0xba, 0xcd, 0xd4, 0xad, 0xd2, 0xf2, 0x0a,
  ];
  const once = new TextDecoder('utf-8').decode(new Uint8Array(gbk));
  // Files that went through two wrong round trips also carry Latin-1 mojibake.
  return (once + 'ÃÂÃ¤Â¸Â€ã€\u0081\n').repeat(200);
}

export const badInputs: readonly BadInput[] = [
  { name: 'empty document', text: () => '' },
  { name: 'whitespace only', text: () => ' \t\u3000\n\n   \r\n\u00a0\u200b\n' },
  { name: 'only a title', text: () => '关于2024年法治政府建设情况的报告' },
  { name: 'CRLF line ends', text: () => REPORT.join('\r\n') + '\r\n' },
  { name: 'lone CR line ends', text: () => REPORT.join('\r') + '\r' },
  { name: 'mixed line ends', text: () => REPORT[0] + '\r\n' + REPORT[1] + '\r' + REPORT[2] + '\n\r' + REPORT.slice(3).join('\n') },
  { name: 'BOM', text: () => '\ufeff' + REPORT.join('\n') },
  { name: 'BOM before every line', text: () => REPORT.map((l) => '\ufeff' + l).join('\n') },
  // 16 characters × 3 UTF-8 bytes × 110,000 ≈ 5 MB, under the size guard: analysed.
  { name: 'one 5 MB line', slow: true, text: () => '一、' + '推进法治政府建设，一是加强领导。'.repeat(110_000) },
  {
    name: 'NUL and binary bytes',
    text: () =>
      REPORT.join('\n') + '\n\0\0\x01\x02\x7f\x1b[31m\ufffe\uffff' + String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
  },
  { name: 'lone surrogates', text: () => '\ud800一、主要举措\udc00和成效\n二、\udbff存在的不足\n\ud83d' },
  { name: 'emoji', text: () => '😀关于2024年法治政府建设情况的报告👍\n一、主要举措和成效👨‍👩‍👧\n（一）😀强化领导\n二、𠀀存在的不足和原因' },
  { name: 'GBK read as UTF-8 (mojibake)', text: mojibake },
  {
    name: '10,000 headings',
    text: () => Array.from({ length: 10_000 }, (_, i) => ['一、', '（一）', '1.', '（1）', '一是'][i % 5] + `标题${i}。内容`).join('\n'),
  },
  {
    name: 'deeply nested brackets',
    text: () => '一、' + '（'.repeat(50_000) + '一' + '）'.repeat(50_000) + '\n' + '(((('.repeat(20_000) + '\n' + '（一）'.repeat(20_000),
  },
  {
    name: 'table pasted as | rows',
    text: () => REPORT[0] + '\n' + Array.from({ length: 2_000 }, (_, i) => `| 一、${i} | （一）指标 | 1. ${i} | 一是 |`).join('\n'),
  },
  // ≈ 3,700 characters × 3 UTF-8 bytes × 4,500 ≈ 50 MB: over the size guard.
  {
    name: 'a 50 MB document',
    huge: true,
    text: () => (REPORT.join('\n') + '\n' + '内容，一是加强领导。二是健全机制。\n'.repeat(200)).repeat(4_500),
  },
];
