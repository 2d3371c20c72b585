/** Command-line argument parsing shared by the CLI's commands. */

export class UsageError extends Error {}

export const USAGE = [
  '用法 (usage):',
  '  govreport check <文件、文件夹或通配符 files, folders or globs…> [--format text|json|sarif] [--summary] [--jobs N] [--locale zh-cn|en] [--profile ID] [--previous 上年报告 FILE]',
  '  govreport figures <文件或文件夹 files or folders…> [--format csv|json] [--profile ID]',
  '  govreport text <文件 file> [--frame | --comments]   读出的报告文本（.docx/.doc/.pdf/.ofd/.html 或文本文件；check 的行列号即指此文本；--frame 版头与页眉页脚，--comments Word 批注） (the report text read from a file; its frame; its comments)',
  '  govreport export <文件或文件夹 files or folders…> [-o out.docx | --out-dir 目录] [--profile ID] [--force]   导出 GB/T 9704 Word 文档 (export .docx)',
  '  govreport similar <文件或文件夹 files or folders…> [--threshold 0.3] [--format text|json|csv]   相互重复的报告对 (pairs of reports sharing text)',
  '  govreport new [--body 发文机关] [--year 2024] [--addressee 县委、县政府] [--profile ID]   新报告提纲 (a new report skeleton)',
  '配置 (configuration): --config 文件 FILE 使用指定的 .govreport.json (use this file)；--no-config 不读取 (read none)；否则只读取当前目录树内、被检查路径所在或其上层文件夹中最近的 .govreport.json (otherwise the nearest .govreport.json in or above the checked path, only inside the current directory tree)；check 的文本输出在 stderr 说明所用文件 (check names the file used on stderr)',
  '退出码 (exit codes): 0 已检查且无错误 (checked, no error-level finding)  1 有错误级问题 (an error-level finding)  2 用法错误、无法读取或未分析（过大） (bad usage, unreadable, or not analysed: too large)',
].join('\n');

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string>;
}

/** Parses `--name value` flags (names listed in `valued`) and positionals. */
export function parseFlags(argv: readonly string[], valued: readonly string[], boolean: readonly string[] = []): ParsedArgs {
  const args = [...argv];
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  while (args.length) {
    const a = args.shift()!;
    if (a.startsWith('--')) {
      const [name, inline] = a.split('=', 2);
      if (valued.includes(name)) {
        const v = inline ?? args.shift();
        if (v === undefined) throw new UsageError(`${name} 需要一个值 (needs a value)\n${USAGE}`);
        flags.set(name, v);
      } else if (boolean.includes(name)) flags.set(name, 'true');
      else throw new UsageError(`未知选项 (unknown option): ${a}\n${USAGE}`);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readonly color: boolean;
  /** Raw writes to a terminal's stderr (progress); absent when stderr is not a terminal. */
  readonly progress?: (s: string) => void;
}
