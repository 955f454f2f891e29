import { describe, expect, it } from 'vitest';
import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selectsPath } from '../../../src/common/selection.js';

/** What a resolver of the operation's first root field receives. */
function infoFor(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsPath', () => {
  it('finds a field selected directly, under an alias', () => {
    expect(selectsPath(infoFor('{ searchCalls(query: "x") { edges { h: headline } } }'), ['edges', 'headline'])).toBe(true);
  });

  it('is false when the field is not selected at that path', () => {
    expect(selectsPath(infoFor('{ searchCalls(query: "x") { edges { rank node { callId } } } }'), ['edges', 'headline'])).toBe(false);
    expect(selectsPath(infoFor('{ searchCalls(query: "x") { totalCount } }'), ['edges', 'headline'])).toBe(false);
    // A field of the same name at another depth does not count.
    expect(selectsPath(infoFor('{ searchCalls(query: "x") { headline: totalCount } }'), ['edges', 'headline'])).toBe(false);
  });

  it('looks through inline fragments and named fragments, nested', () => {
    const source = `
      query { searchCalls(query: "x") { ...Conn } }
      fragment Conn on CallSearchConnection { ... on CallSearchConnection { edges { ...Edge } } }
      fragment Edge on CallSearchEdge { rank ... { headline } }`;
    expect(selectsPath(infoFor(source), ['edges', 'headline'])).toBe(true);
    expect(selectsPath(infoFor(source), ['edges', 'cursor'])).toBe(false);
  });

  it('counts a field hidden by @skip as selected (extra work, never a missing value)', () => {
    expect(selectsPath(infoFor('{ searchCalls(query: "x") { edges { headline @skip(if: true) } } }'), ['edges', 'headline'])).toBe(true);
  });

  it('merges the selections of a field requested twice', () => {
    const source = '{ searchCalls(query: "x") { edges { rank } edges { headline } } }';
    expect(selectsPath(infoFor(source), ['edges', 'headline'])).toBe(true);
  });
});
