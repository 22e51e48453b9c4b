import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Walks an operation's selections through its fragments, with the schema types alongside, for the
 * limit plugins (depth, cost). Fragment cycles are cut (graphql's own validation reports them).
 */
export interface Visit {
  depth: number;
  /** The field's type, when the schema knows it. */
  type: GraphQLOutputType | undefined;
  parentTypeName: string | undefined;
  args: Map<string, ValueNode>;
  /** Defaults of the field's arguments from the schema. */
  defaults: Map<string, unknown>;
}

export function fragmentsOf(doc: { definitions: readonly { kind: string }[] }): Map<string, FragmentDefinitionNode> {
  const m = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) m.set((d as FragmentDefinitionNode).name.value, d as FragmentDefinitionNode);
  return m;
}

// Duck typing, not graphql's instanceof helpers: under vitest the schema (built by yoga) and this
// module can load graphql from two realms (ESM and CJS builds), and instanceof fails across them.
type Fields = Record<string, { type: GraphQLOutputType; args: readonly { name: string; defaultValue: unknown }[] }>;

function getNamedType(type: GraphQLType): { name: string; getFields?: () => Fields } {
  let t = type as unknown as { ofType?: unknown };
  while (t.ofType) t = t.ofType as { ofType?: unknown };
  return t as unknown as { name: string; getFields?: () => Fields };
}

function fieldsOf(type: GraphQLType | undefined): Fields | undefined {
  const named = type ? getNamedType(type) : undefined;
  return typeof named?.getFields === 'function' ? named.getFields() : undefined;
}

/**
 * Calls `visit` for each field; what it returns (a number) is folded by `combine` with the
 * field's children: cost(field) = combine(visit, Σ children).
 */
export function fold(
  schema: GraphQLSchema | undefined,
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  visit: (v: Visit, children: number) => number,
  opts: { skip?: (field: FieldNode) => boolean } = {},
): number {
  const root = schema ? (op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType()) : undefined;
  const go = (set: SelectionSetNode, parent: GraphQLType | undefined, depth: number, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (opts.skip?.(sel)) continue;
        const def = fieldsOf(parent)?.[sel.name.value];
        const args = new Map((sel.arguments ?? []).map((a) => [a.name.value, a.value] as const));
        const defaults = new Map((def?.args ?? []).map((a) => [a.name, a.defaultValue] as const));
        const children = sel.selectionSet ? go(sel.selectionSet, def?.type, depth + 1, seen) : 0;
        const named = parent ? getNamedType(parent) : undefined;
        total += visit({ depth, type: def?.type, parentTypeName: named?.name, args, defaults }, children);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition && schema ? schema.getType(sel.typeCondition.name.value) ?? parent : parent;
        total += go(sel.selectionSet, t as GraphQLType, depth, seen);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue;
        const t = schema ? schema.getType(frag.typeCondition.name.value) ?? parent : parent;
        total += go(frag.selectionSet, t as GraphQLType, depth, new Set([...seen, name]));
      }
    }
    return total;
  };
  return go(op.selectionSet, root ?? undefined, 1, new Set());
}

/** True when the type is a list (through non-null wrappers). */
export function isList(type: GraphQLType | undefined): boolean {
  return Boolean(type) && String(type).replace(/!$/, '').startsWith('[');
}
