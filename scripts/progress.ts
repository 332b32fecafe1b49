/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, a line every few
 * seconds otherwise (CI logs).
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastLine = 0;
  return {
    update(fraction: number, detail: string) {
      const width = 28;
      const done = Math.max(0, Math.min(width, Math.round(fraction * width)));
      const line = `${label} [${'█'.repeat(done)}${'░'.repeat(width - done)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${detail}`;
      if (stream.isTTY) stream.write(`\r${line}\u001b[K`);
      else if (Date.now() - lastLine > 5000) {
        stream.write(`${line}\n`);
        lastLine = Date.now();
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
      return (Date.now() - started) / 1000;
    },
  };
}
