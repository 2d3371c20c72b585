/**
 * Expands a VS Code snippet body the way the editor does when the writer accepts every default:
 * placeholders take their default (choices their first option), mirrors repeat the value,
 * variables come from a fixed table, transforms run their regex and format (`$n`, `${n:+if}`,
 * `${n:-else}`, `${n:?if:else}`). Enough of the snippet grammar to check our snippets.
 */
type Node =
  | { t: 'text'; v: string }
  | { t: 'stop'; n: number; def?: Node[]; choice?: string[]; transform?: Transform }
  | { t: 'var'; name: string; def?: Node[]; transform?: Transform };
interface Transform {
  re: RegExp;
  format: string;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  parse(stop: (c: string) => boolean = () => false): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ t: 'text', v: text });
      text = '';
    };
    while (this.i < this.s.length && !stop(this.s[this.i])) {
      const c = this.s[this.i];
      if (c === '\\' && /[\\$}]/.test(this.s[this.i + 1] ?? '')) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (c === '$') {
        flush();
        out.push(this.dollar());
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }
  private dollar(): Node {
    this.i++;
    const simple = /^(\d+|[A-Z_]+)/.exec(this.s.slice(this.i));
    if (simple) {
      this.i += simple[0].length;
      return /^\d/.test(simple[0]) ? { t: 'stop', n: Number(simple[0]) } : { t: 'var', name: simple[0] };
    }
    if (this.s[this.i] !== '{') throw new Error(`bad $ at ${this.i}: ${this.s}`);
    this.i++;
    const head = /^(\d+|[A-Z_]+)/.exec(this.s.slice(this.i));
    if (!head) throw new Error(`bad \${ at ${this.i}: ${this.s}`);
    this.i += head[0].length;
    const isStop = /^\d/.test(head[0]);
    const node: Node = isStop ? { t: 'stop', n: Number(head[0]) } : { t: 'var', name: head[0] };
    const c = this.s[this.i];
    if (c === ':') {
      this.i++;
      node.def = this.parse((ch) => ch === '}');
    } else if (c === '|' && node.t === 'stop') {
      const end = this.s.indexOf('|}', this.i + 1);
      node.choice = this.s.slice(this.i + 1, end).split(',');
      this.i = end + 1;
    } else if (c === '/') {
      const re = this.until('/');
      const format = this.until('/');
      const flags = this.until('}', true);
      node.transform = { re: new RegExp(re, flags), format };
      return node;
    }
    if (this.s[this.i] !== '}') throw new Error(`unclosed \${ at ${this.i}: ${this.s}`);
    this.i++;
    return node;
  }
  /** Reads up to an unescaped `end`, keeping escapes other than `\/`; nested `${…}` in formats stay whole. */
  private until(end: string, keepEnd = false): string {
    let out = '';
    let depth = 0;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && this.s[this.i + 1] === '/') {
        out += '/';
        this.i += 2;
        continue;
      }
      if (c === '$' && this.s[this.i + 1] === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === end && depth === 0) {
        if (keepEnd) this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
    throw new Error(`unterminated transform in ${this.s}`);
  }
}

function applyFormat(format: string, m: RegExpExecArray): string {
  return format.replace(/\$(\d+)|\$\{(\d+)(?::([+?-])([^:}]*)(?::([^}]*))?)?\}/g, (_, a, n, op, x, y) => {
    const g = m[Number(a ?? n)];
    if (a !== undefined || op === undefined) return g ?? '';
    if (op === '+') return g ? x : '';
    if (op === '-') return g ? g : x;
    return g ? x : (y ?? '');
  });
}

function transform(value: string, t: Transform | undefined): string {
  if (!t) return value;
  const m = t.re.exec(value);
  if (!m) return value;
  return value.slice(0, m.index) + applyFormat(t.format, m) + value.slice(m.index + m[0].length);
}

export interface ExpandOptions {
  readonly variables: Readonly<Record<string, string>>;
  /** What the writer typed over a placeholder's default. */
  readonly typed?: Readonly<Record<number, string>>;
}

export function expandSnippet(body: string | readonly string[], opts: ExpandOptions): string {
  const nodes = new Parser(typeof body === 'string' ? body : body.join('\n')).parse();
  const defaults = new Map<number, Node & { t: 'stop' }>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.t === 'stop' && (n.def || n.choice) && !defaults.has(n.n)) defaults.set(n.n, n);
      if (n.t !== 'text' && n.def) collect(n.def);
    }
  };
  collect(nodes);
  const valueOf = (n: number): string => {
    if (opts.typed?.[n] !== undefined) return opts.typed[n];
    const d = defaults.get(n);
    if (!d) return '';
    return d.choice ? d.choice[0] : render(d.def!);
  };
  const render = (ns: Node[]): string =>
    ns
      .map((n) => {
        if (n.t === 'text') return n.v;
        if (n.t === 'stop') return transform(valueOf(n.n), n.transform);
        const v = opts.variables[n.name];
        if (v === undefined) {
          if (n.def) return render(n.def);
          throw new Error(`unknown variable ${n.name}`);
        }
        return transform(v, n.transform);
      })
      .join('');
  return render(nodes);
}
