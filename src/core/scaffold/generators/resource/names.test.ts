import assert from 'node:assert/strict';
import { checkResourceName, pluralizeWord, resourceNames, splitWords } from './names';

describe('resource names', () => {
  it('derives English plurals', () => {
    const cases: Record<string, string> = {
      product: 'products',
      category: 'categories',
      key: 'keys',
      box: 'boxes',
      status: 'statuses',
      address: 'addresses',
      batch: 'batches',
      analysis: 'analyses',
      person: 'people',
      child: 'children',
      leaf: 'leaves',
      photo: 'photos',
      hero: 'heroes',
    };
    for (const [singular, plural] of Object.entries(cases)) assert.equal(pluralizeWord(singular), plural, singular);
  });

  it('splits camel, Pascal, kebab and snake case, keeping acronyms together', () => {
    assert.deepEqual(splitWords('orderItem'), ['order', 'item']);
    assert.deepEqual(splitWords('OrderItem'), ['order', 'item']);
    assert.deepEqual(splitWords('order-item'), ['order', 'item']);
    assert.deepEqual(splitWords('order_item'), ['order', 'item']);
    assert.deepEqual(splitWords('HTTPRoute'), ['http', 'route']);
  });

  it('gives every form of both names; the plural comes from the last word', () => {
    assert.deepEqual(resourceNames('orderItem'), {
      singular: { camel: 'orderItem', pascal: 'OrderItem', kebab: 'order-item', words: 'order item' },
      plural: { camel: 'orderItems', pascal: 'OrderItems', kebab: 'order-items', words: 'order items' },
    });
    assert.equal(resourceNames('category').plural.kebab, 'categories');
    assert.equal(resourceNames('person', 'persons').plural.camel, 'persons');
  });

  it('needs an explicit plural when the word has none', () => {
    assert.throws(() => resourceNames('news'), /"news" has no distinct plural: pass one/);
    assert.throws(() => resourceNames('item', 'item'), /same as the name/);
    assert.equal(resourceNames('news', 'newsItems').plural.kebab, 'news-items');
  });

  it('refuses names that are not identifiers or are reserved words', () => {
    assert.match(checkResourceName('2things') ?? '', /start with a letter/);
    assert.match(checkResourceName('order item') ?? '', /not usable/);
    assert.match(checkResourceName('class') ?? '', /reserved word/);
    assert.equal(checkResourceName('product'), undefined);
  });
});
