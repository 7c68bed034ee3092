// Records the URLs a step opens instead of launching anything.
import type { BrowserOpener, OpenOutcome } from '../../src/platform/browser.js';

export class FakeBrowser implements BrowserOpener {
  readonly opened: string[] = [];
  async open(url: string): Promise<OpenOutcome> {
    this.opened.push(url);
    return 'opened';
  }
}
