/** A progress bar on stderr when it is a terminal; redrawn only when the shown figure changes. */
export function progressBar(totalCount: number, write: (s: string) => void) {
  const WIDTH = 30;
  let shown = -1;
  return {
    update(done: number) {
      const filled = Math.round((done / totalCount) * WIDTH);
      const key = filled * 1e9 + (done === totalCount ? 1 : Math.floor((done / totalCount) * 100));
      if (key === shown) return;
      shown = key;
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${totalCount}`);
    },
    clear() {
      if (shown >= 0) write('\r\x1b[K');
    },
  };
}
