import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Introspection (`__schema`, `__type`, and the types `__Schema`, `__Type` … they return) is exempt
 * from the depth, alias and token limits: the standard `getIntrospectionQuery()` is 15 fields
 * deep (TypeRef's `ofType` chain), and GraphiQL, code generators and Python `gql` send it as it is.
 * What it can cost is still bounded by the byte and cost limits (every unbounded list under it counts 5).
 */
export const isIntrospectionField = (f: FieldNode) => f.name.value === '__schema' || f.name.value === '__type';

/** A fragment on one of the introspection types (`fragment FullType on __Type`). */
export const isIntrospectionFragment = (f: FragmentDefinitionNode) => f.typeCondition.name.value.startsWith('__');

/** True when every operation of the document selects only introspection fields (and `__typename`). */
export function isIntrospectionDocument(doc: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const onlyIntrospection = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return isIntrospectionField(s) || s.name.value === '__typename';
      if (s.kind === Kind.INLINE_FRAGMENT) return onlyIntrospection(s.selectionSet, seen);
      const f = fragments.get(s.name.value);
      return !!f && !seen.has(f.name.value) && onlyIntrospection(f.selectionSet, new Set([...seen, f.name.value]));
    });
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return ops.length > 0 && ops.every((op) => op.kind === Kind.OPERATION_DEFINITION && onlyIntrospection(op.selectionSet, new Set()));
}
