export async function pdfToText(_name: string, _bytes: Uint8Array): Promise<string> {
  throw new Error('todo');
}
