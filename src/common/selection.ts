import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects the field at `path` below the field being
 * resolved, looking through inline fragments and fragment spreads, so that
 * expensive columns are computed only for clients that ask for them.
 * `@skip`/`@include` are not evaluated: a field they hide counts as selected,
 * which only costs work, never a wrong answer.
 */
export function selectsPath(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((field) => childFields(field.selectionSet, name, info.fragments));
    if (level.length === 0) return false;
  }
  return true;
}

// Fragment cycles never reach execution (GraphQL validation rejects them), so the recursion ends.
function childFields(set: SelectionSetNode | undefined, name: string, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === name ? [selection] : [];
      case Kind.INLINE_FRAGMENT:
        return childFields(selection.selectionSet, name, fragments);
      case Kind.FRAGMENT_SPREAD:
        return childFields(fragments[selection.name.value]?.selectionSet, name, fragments);
    }
  });
}
