/** Prints as it goes and keeps the same Markdown for artifacts/bench.md. */
export class Report {
  readonly lines: string[] = [];

  constructor(private readonly quiet = false) {}

  private out(...lines: string[]): void {
    for (const line of lines) {
      if (!this.quiet) console.log(line);
      this.lines.push(line);
    }
  }

  section(title: string, level = 2): void {
    this.out('', `${'#'.repeat(level)} ${title}`, '');
  }

  para(...text: string[]): void {
    this.out(...text, '');
  }

  list(items: readonly string[]): void {
    this.out(...items.map((i) => `- ${i.replace(/\n/g, '\n  ')}`), '');
  }

  table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
    const cells = [headers, ...rows].map((r) => r.map(String));
    const widths = headers.map((_, c) => Math.max(3, ...cells.map((r) => (r[c] ?? '').length)));
    const line = (r: readonly string[]) => `| ${r.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
    this.out(line(cells[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line), '');
  }
}

export const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(a === b ? 0 : 1)}%`);
export const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : '—');
export const n = (x: number) => x.toLocaleString('en');
