/**
 * Progress on stderr: a cli-progress bar on a terminal, plain lines (at most
 * one every two seconds, plus the last) when stderr is a file or a pipe.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

export function progress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {value}/{total} {detail}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) {
          bar.start(total, 0, { detail });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { detail });
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      if (done === total || now - last > 2000) {
        last = now;
        stream.write(`${label}: ${done}/${total} ${detail}\n`);
      }
    },
    stop() {},
  };
}

/** A status line for steps that have no count (downloads, start-up). */
export function status(message: string, stream: NodeJS.WriteStream = process.stderr): void {
  stream.write(`laurel: ${message}\n`);
}
