/**
 * Progress of a run for a person: on a terminal, cli-progress bars per phase and per item type; otherwise
 * (pipes, CI, tests) one plain line when the phase changes and at most every few seconds.
 */
import cliProgress from 'cli-progress';
import { out } from './output';

/** What the platform emulator reports after each invocation and artifact (a subset of its `RunProgress`). */
export interface ProgressEvent {
  kind: string;
  phase: string;
  type: string;
  invocations: number;
  phaseInvocations: number;
  items: Record<string, { received: number; new: number; updated: number }>;
  attachments: { received: number; bytes: number };
}

/** Draws the progress of one run. `expected` gives per item type totals when they are known in advance. */
export interface ProgressView {
  update(p: ProgressEvent): void;
  stop(): void;
}

/** Picks bars on a TTY and plain lines elsewhere. */
export function createProgressView(label: string, expected: Record<string, number> = {}, tty = process.stdout.isTTY === true): ProgressView {
  return tty ? new BarsView(label, expected) : new LinesView(label);
}

class BarsView implements ProgressView {
  private readonly multi = new cliProgress.MultiBar(
    {
      format: ' {name} |{bar}| {value}/{total} {note}',
      hideCursor: true,
      clearOnComplete: false,
      autopadding: true,
      barsize: 30,
      stream: process.stdout,
    },
    cliProgress.Presets.shades_classic,
  );
  private readonly bars = new Map<string, cliProgress.SingleBar>();
  private phase = '';

  constructor(
    private readonly label: string,
    private readonly expected: Record<string, number>,
  ) {}

  private bar(key: string, name: string, total: number): cliProgress.SingleBar {
    let bar = this.bars.get(key);
    if (!bar) {
      bar = this.multi.create(Math.max(total, 1), 0, { name: name.padEnd(24), note: '' });
      this.bars.set(key, bar);
    }
    return bar;
  }

  update(p: ProgressEvent): void {
    if (p.phase !== this.phase) {
      const previous = this.bars.get(`phase:${this.phase}`);
      previous?.update(previous.getTotal(), { note: 'done' });
      this.phase = p.phase;
    }
    const phaseBar = this.bar(`phase:${p.phase}`, `${this.label} ${p.phase}`, 1);
    phaseBar.setTotal(Math.max(p.phaseInvocations + 1, phaseBar.getTotal()));
    phaseBar.update(p.phaseInvocations, { note: `${p.phaseInvocations} invocations` });
    for (const [itemType, counts] of Object.entries(p.items)) {
      const total = Math.max(this.expected[itemType] ?? 0, counts.received);
      const bar = this.bar(`items:${itemType}`, `  ${itemType}`, total);
      bar.setTotal(Math.max(total, 1));
      bar.update(counts.received, { note: `new ${counts.new}, updated ${counts.updated}` });
    }
    if (p.attachments.received > 0) {
      const bar = this.bar('files', '  attachment files', Math.max(p.attachments.received, this.expected.attachments ?? 0));
      bar.setTotal(Math.max(p.attachments.received, this.expected.attachments ?? 0, 1));
      bar.update(p.attachments.received, { note: `${(p.attachments.bytes / 1048576).toFixed(1)} MB` });
    }
  }

  stop(): void {
    this.multi.stop();
  }
}

class LinesView implements ProgressView {
  private phase = '';
  private lastLine = 0;

  constructor(private readonly label: string) {}

  update(p: ProgressEvent): void {
    const now = Date.now();
    if (p.phase === this.phase && now - this.lastLine < 3000) return;
    this.phase = p.phase;
    this.lastLine = now;
    const counts = Object.entries(p.items)
      .map(([t, c]) => `${t} ${c.received}`)
      .join(', ');
    out.line(`[${this.label}] ${p.phase}: ${p.phaseInvocations} invocations${counts ? `; items ${counts}` : ''}${p.attachments.received ? `; files ${p.attachments.received}` : ''}`);
  }

  stop(): void {}
}
