import { describe, it } from '@jest/globals';

describe('products', () => {
  it('has my own tests', () => undefined);
});
