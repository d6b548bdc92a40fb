/** Logger and console: both write into the execution's log (ExecutionResult.logs) instead of stdout. */
import { format } from 'node:util';

export type LogSink = (line: string) => void;

export class LocalLogger implements GoogleAppsScript.Base.Logger {
  private readonly lines: string[] = [];
  constructor(private readonly sink: LogSink) {}
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    // Logger.log(format, values...) replaces %s placeholders, like Apps Script.
    const line = values.length && typeof data === 'string' ? format(data, ...values) : format(data);
    this.lines.push(line);
    this.sink(line);
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}

export class LocalConsole {
  constructor(private readonly sink: LogSink) {}
  log(...data: unknown[]): void {
    this.sink(format(...data));
  }
  info(...data: unknown[]): void {
    this.sink(format(...data));
  }
  warn(...data: unknown[]): void {
    this.sink(`WARNING: ${format(...data)}`);
  }
  error(...data: unknown[]): void {
    this.sink(`ERROR: ${format(...data)}`);
  }
  time(_label?: string): void {}
  timeEnd(_label?: string): void {}
}
