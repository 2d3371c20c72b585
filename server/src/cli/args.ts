/**
 * Command-line conventions shared by the CLI's commands: the usage and each command's help, flag
 * parsing (`--name value`, `--name=value`, `--` ends the options, `-` is standard input), the
 * locale, and the Io the commands write through.
 */

export class UsageError extends Error {}

const EXIT_CODES =
  '退出码 (exit codes): 0 已检查且无错误 (checked, no error-level finding)  1 有错误级问题或警告超过 --max-warnings (an error-level finding, or more warnings than --max-warnings)  2 用法错误、无法读取或未分析（过大） (bad usage, unreadable, or not analysed: too large)';

const CONFIG =
  '配置 (configuration): --config 文件 FILE 使用指定的 .govreport.json (use this file)；--no-config 不读取 (read none)；否则只读取当前目录树内、被检查路径所在或其上层文件夹中最近的 .govreport.json (otherwise the nearest .govreport.json in or above the checked path, only inside the current directory tree)';

/** One entry per command: its synopsis (in the overview) and its options (in `govreport help <command>`). */
export const COMMAND_HELP: Readonly<Record<string, { readonly synopsis: string; readonly options?: readonly string[] }>> = {
  check: {
    synopsis: 'govreport check <文件、文件夹、通配符或 - files, folders, globs or - for stdin…> [选项 options]   检查报告 (check reports)',
    options: [
      '--format text|json|sarif|html 输出格式 (output format; default text; html: the assessor’s page, self-contained)',
      '--out, -o 文件 FILE            仅用于 --format html：写入文件 (--format html only: write the page to a file, e.g. -o review.html)',
      '--outline                     文本输出中列出大纲 (print each file’s outline in text output)',
      '--summary                     每个文件一行小结 (one line per file and a total)',
      '--quiet, -q                   只显示错误 (errors only, as ESLint’s --quiet)',
      '--max-warnings N              警告超过 N 个时退出码为 1 (exit 1 when there are more than N warnings)',
      '--fix                         就地应用安全修复（与编辑器“全部修复”相同，不改动文字） (apply the safe fixes in place: the editor’s Fix All; never changes a word)',
      '--fix-dry-run                 只显示修复的差异，不写文件 (print the fixes as a diff; write nothing)',
      '--jobs N                      工作线程数 (worker threads)',
      '--locale zh-cn|en             消息语言 (message language; also GOVREPORT_LOCALE)',
      '--profile ID                  报告类型 (report kind)',
      '--previous 文件 FILE          上年报告，用于 reused-text (last year’s report for reused-text)',
      '--reuse-warning 0.5           与上年重复超过此比例时 reused-text 为警告 (reused share above which reused-text is a warning; 0–1 or 50%)',
      '--no-color, --color           关闭或打开颜色 (colours off or on; NO_COLOR is honoured)',
      '--                            之后的参数都是路径 (everything after it is a path)',
      '-                             从标准输入读取报告文本 (read the report text from standard input)',
    ],
  },
  figures: {
    synopsis: 'govreport figures <文件或文件夹 files or folders…> [--format csv|json] [--profile ID]   报告中的数字 (every figure)',
  },
  text: {
    synopsis:
      'govreport text <文件或 - file or -> [--frame | --comments]   读出的报告文本（.docx/.doc/.rtf/.mht/.pdf/.ofd/.html 或文本文件；check 的行列号即指此文本；--frame 版头与页眉页脚，--comments Word 批注） (the report text read from a file; its frame; its comments)',
  },
  export: {
    synopsis:
      'govreport export <文件或文件夹 files or folders…> [-o out.docx | --out-dir 目录] [--profile ID] [--force] [--letterhead]   导出 GB/T 9704 Word 文档 (export .docx)',
    options: [
      '--force                       覆盖不是本工具导出的同名 .docx (replace a .docx that govreport export did not write)',
      '--letterhead                  按公文格式排版头（发文机关标志、发文字号、签发人、红色分隔线）和版记（抄送、印发），取自草稿 (a 版头 and 版记 from the draft, GB/T 9704 §7.2, §7.4)',
    ],
  },
  similar: {
    synopsis:
      'govreport similar <文件或文件夹 files or folders…> [--threshold 0.3] [--format text|json|csv]   相互重复的报告对 (pairs of reports sharing text)',
  },
  new: {
    synopsis:
      'govreport new [--body 发文机关] [--year 2024] [--addressee 县委、县政府] [--profile ID]   新报告提纲 (a new report skeleton)',
  },
  init: {
    synopsis:
      'govreport init [--force]   在当前文件夹写入带 $schema 和默认值的 .govreport.json (write a .govreport.json with $schema and the defaults here)',
  },
  review: {
    synopsis:
      'govreport review <文件 draft.docx> [-o draft.reviewed.docx] [--author 审核人] [--quiet]   把问题作为批注写回原 Word 文件 (the .docx back with every finding as a Word comment)',
    options: [
      '--out, -o 文件 FILE            输出文件 (default: draft.reviewed.docx beside the draft)',
      '--author 名字 NAME             批注作者 (the comments’ author; default .govreport.json reviewer, else 审核)',
      '--quiet, -q                   只批注错误 (comment errors only)',
      '--force                       覆盖已有的输出文件 (replace an existing output file)',
      '--profile ID  --previous 文件 FILE  --locale zh-cn|en   与 check 相同 (as for check)',
    ],
  },
  help: { synopsis: 'govreport help [命令 command]   用法 (this help; a command’s options)' },
};

export const USAGE = [
  '用法 (usage):',
  ...Object.values(COMMAND_HELP).map((c) => '  ' + c.synopsis),
  '  govreport --version   版本 (version)',
  '通用选项 (common options): --locale zh-cn|en  --no-color  --help',
  CONFIG,
  EXIT_CODES,
].join('\n');

/** `govreport help <command>`: its synopsis, its options, configuration and exit codes. */
export function commandHelp(name: string): string | undefined {
  const c = COMMAND_HELP[name];
  if (!c) return undefined;
  return [
    '用法 (usage):',
    '  ' + c.synopsis,
    ...(c.options ? ['选项 (options):', ...c.options.map((o) => '  ' + o)] : []),
    CONFIG,
    EXIT_CODES,
  ].join('\n');
}

/** The hint under a usage error: where the whole usage is, not the whole usage again. */
export function usageHint(command?: string): string {
  return command
    ? `运行 govreport help ${command} 查看用法 (see govreport help ${command})`
    : '运行 govreport help 查看用法 (see govreport help)';
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string>;
}

/** Short options and the long ones they stand for. */
const SHORT: Readonly<Record<string, string>> = { '-q': '--quiet', '-o': '--out' };

/**
 * Parses `--name value` and `--name=value` flags (names listed in `valued`), boolean flags and
 * positionals. `--` ends the options: what follows is a path even when it starts with `-`; `-`
 * alone is a positional (standard input).
 */
export function parseFlags(argv: readonly string[], valued: readonly string[], boolean: readonly string[] = []): ParsedArgs {
  const args = [...argv];
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  while (args.length) {
    const raw = args.shift()!;
    if (raw === '--') {
      positionals.push(...args);
      break;
    }
    const a = SHORT[raw] ?? raw;
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      if (valued.includes(name)) {
        const v = inline ?? args.shift();
        if (v === undefined) throw new UsageError(`${name} 需要一个值 (needs a value)`);
        flags.set(name, v);
      } else if (boolean.includes(name) && inline === undefined) flags.set(name, 'true');
      else throw new UsageError(`未知选项 (unknown option): ${raw}`);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

/** The message languages; a tag is taken by its language (`zh`, `zh-CN`, `zh-Hans` → zh-cn; `en-GB` → en). */
export type CliLocale = 'zh-cn' | 'en';

/** `--locale`, else GOVREPORT_LOCALE, else Chinese; a language we have no messages in is bad usage, not silent Chinese. */
export function localeOption(flags: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv = process.env): CliLocale {
  const given = flags.get('--locale');
  const tag = given ?? env.GOVREPORT_LOCALE;
  if (tag === undefined || tag === '') return 'zh-cn';
  const lang = tag.toLowerCase().split(/[-_]/)[0];
  if (lang === 'zh') return 'zh-cn';
  if (lang === 'en') return 'en';
  throw new UsageError(
    `${given !== undefined ? '--locale' : 'GOVREPORT_LOCALE'}：不支持的语言 (unsupported locale): ${tag}（可用 available: zh-cn, en）`,
  );
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  /** Raw writes to a terminal's stderr (progress); absent when stderr is not a terminal. */
  readonly progress?: (s: string) => void;
  /** Standard input, read whole (`-` as a path); absent where there is none to read. */
  readonly stdin?: () => Promise<Buffer>;
}
