/**
 * A one-line progress indicator for long waits. It draws only on an interactive terminal; when the
 * output is piped or the tool runs in CI it stays silent, so logs hold results and not spinner frames.
 * @module
 */
import { type CliIO, isInteractive } from "./command.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/** A spinner with a changeable label, drawn on stderr. */
export class Progress {
  readonly #io: CliIO;
  readonly #enabled: boolean;
  #label: string;
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** Starts drawing `label` at once (on a terminal). */
  constructor(io: CliIO, label: string) {
    this.#io = io;
    this.#enabled = isInteractive(io);
    this.#label = label;
    if (this.#enabled) {
      this.#draw();
      this.#timer = setInterval(() => this.#draw(), 80);
      this.#timer.unref();
    }
  }

  /** Replaces the label, for example with a running count. */
  update(label: string): void {
    this.#label = label;
  }

  /** Clears the line and stops drawing. */
  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#io.stderr.write("\r\x1b[2K");
  }

  #draw(): void {
    this.#frame = (this.#frame + 1) % FRAMES.length;
    this.#io.stderr.write(`\r\x1b[2K${FRAMES[this.#frame]} ${this.#label}`);
  }
}

/** Runs `task` under a {@link Progress} labelled `label`, and clears it however the task ends. */
export async function withProgress<T>(io: CliIO, label: string, task: () => Promise<T>): Promise<T> {
  const progress = new Progress(io, label);
  try {
    return await task();
  } finally {
    progress.stop();
  }
}
