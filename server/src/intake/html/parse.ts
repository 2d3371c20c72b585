/**
 * htmlparser2's parseDocument, with its stacks of open elements made linear. The parser keeps them
 * top first with `unshift`/`shift`, which move every element below: a page of 100,000 nested <div>s
 * took 14 s and 100,000 unclosed `<div><span><b>` minutes, quadratic in the nesting depth. Here
 * each is an array stored bottom first behind a view that reads top first (index 0 the innermost),
 * so `unshift`/`shift` are a push and a pop. Only what the parser uses is served: `[i]`, `length`
 * (and setting it to 0), `unshift`, `shift`, `indexOf`. Should a later htmlparser2 rename the fields,
 * the parser keeps its own arrays: the same tree, only the old speed.
 */
import { DomHandler, type Document } from 'domhandler';
import { Parser, type ParserOptions } from 'htmlparser2';

function topFirst<T>(initial: readonly T[]): T[] {
  const items = [...initial].reverse(); // bottom first
  const methods: Record<string, unknown> = {
    unshift: (...xs: T[]) => {
      for (let i = xs.length - 1; i >= 0; i--) items.push(xs[i]);
      return items.length;
    },
    shift: () => items.pop(),
    indexOf: (x: T) => {
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === x) return items.length - 1 - i;
      return -1;
    },
  };
  return new Proxy(items, {
    get(target, key, receiver) {
      if (key === 'length') return items.length;
      if (typeof key === 'string') {
        if (Object.hasOwn(methods, key)) return methods[key];
        const i = Number(key);
        if (Number.isInteger(i) && i >= 0 && String(i) === key) return items[items.length - 1 - i];
      }
      return Reflect.get(target, key, receiver);
    },
    set(_target, key, value) {
      if (key !== 'length') return false;
      // Setting the length keeps that many from the top.
      items.splice(0, Math.max(0, items.length - Number(value)));
      return true;
    },
  });
}

export function parseHtml(html: string, options: ParserOptions = { decodeEntities: true }): Document {
  const handler = new DomHandler(undefined, options);
  const parser = new Parser(handler, options);
  const fields = parser as unknown as Record<string, unknown>;
  for (const name of ['stack', 'foreignContext']) if (Array.isArray(fields[name])) fields[name] = topFirst(fields[name] as unknown[]);
  parser.end(html);
  return handler.root;
}
