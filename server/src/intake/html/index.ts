export function htmlToText(_bytes: Uint8Array): string {
  throw new Error('todo');
}
