import * as vscode from 'vscode';

/** The "Rubrics" output channel: analysis timings, worker restarts, workspace scans. */
export class Output implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Rubrics', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
