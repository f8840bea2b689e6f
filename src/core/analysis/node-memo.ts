/**
 * A cache slot carried by the object it describes (a parse's node, a whole SourceFile).
 *
 * Why not a module-level WeakMap: V8 clears WeakMap entries only when it marks the old generation,
 * so an entry keyed by a node keeps its whole tree alive through every young-generation collection
 * and gets it copied into the old one. A workspace lint makes thousands of short-lived trees; one
 * such WeakMap (the pre-order node lists) cost about 0.9× the parse itself. A slot on the node
 * dies with the tree.
 */
export interface NodeMemo<K extends object, V> {
  get(node: K): V | undefined;
  set(node: K, value: V): void;
}

export function nodeMemo<K extends object, V>(description: string): NodeMemo<K, V> {
  const slot = Symbol(description);
  return {
    get: (node) => (node as Record<symbol, V | undefined>)[slot],
    set: (node, value) => {
      (node as Record<symbol, V>)[slot] = value;
    },
  };
}

/** The value memoized for `node`, computed by `create` the first time. */
export function memoized<K extends object, V>(memo: NodeMemo<K, V>, node: K, create: (node: K) => V): V {
  const cached = memo.get(node);
  if (cached !== undefined) return cached;
  const created = create(node);
  memo.set(node, created);
  return created;
}
