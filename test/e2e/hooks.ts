/** Mocha root hooks for the e2e suite (loaded by test/e2e/.mocharc.json): failure artifacts. */
import { captureFailure } from './harness';

export const mochaHooks = {
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const saved = await captureFailure(test.fullTitle());
    if (saved.length > 0) console.log(`      failure artifacts: ${saved.map((file) => file.replace(`${process.cwd()}/`, '')).join(', ')}`);
  },
};
