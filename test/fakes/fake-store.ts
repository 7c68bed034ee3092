// A SaveStore (ctx.store) for step tests: offers a fixed list of targets and records each saveKey
// call, answering with verified reports unless a test queues other answers. Writing files is the
// storage module's business, tested in test/unit/store/.
import type { Context } from '../../src/context.js';
import type { SaveReport, SaveStore, StoreTarget, TargetOption } from '../../src/store/save.js';

export const DEFAULT_OFFER: TargetOption[] = [
  { target: 'env', label: 'the project .env file (/p/.env)', available: true, recommended: true },
  { target: 'shell', label: 'your shell profile (~/.bashrc)', available: true },
  { target: 'keychain', label: 'the system keychain', available: false, why: 'no Secret Service' },
];

export class FakeStore implements SaveStore {
  readonly saves: Array<{ ctx: Context; key: string; targets: StoreTarget[] }> = [];
  offerCalls = 0;
  private readonly answers: SaveReport[][] = [];

  constructor(public offer: TargetOption[] = DEFAULT_OFFER) {}

  /** The reports the next saveKey call returns (instead of "verified" for each target). */
  answerNext(reports: SaveReport[]): this {
    this.answers.push(reports);
    return this;
  }

  async availableTargets(): Promise<TargetOption[]> {
    this.offerCalls++;
    return structuredClone(this.offer);
  }

  async saveKey(ctx: Context, key: string, targets: StoreTarget[]): Promise<SaveReport[]> {
    this.saves.push({ ctx, key, targets });
    return (
      this.answers.shift() ??
      targets.map((target) => ({ target, location: target === 'env' ? '/p/.env' : '/home/me/.bashrc', verified: true, notes: [`${target} note`] }))
    );
  }
}
