import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

/**
 * Relay-style connection types for a node class: `<Name>Edge` and the fields of
 * `<Name>Connection` (extend the returned class to name it).
 * `totalCount` is a getter on the result object: it runs (and counts) only
 * when a client selects the field, so a page that does not ask never pays for it.
 */
export function ConnectionType<TNode extends object>(nodeClass: ClassType<TNode>, name: string, docs: { totalCount?: string } = {}) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeClass)
    node!: TNode;
  }

  // Never referenced by a field, so type-graphql 2 does not emit it; subclasses inherit its fields.
  @ObjectType({ simpleResolvers: true })
  abstract class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeClass])
    nodes!: TNode[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A promise (counted only when selected): not a simple resolver, graphql-jit reads those synchronously.
    @Field(() => Int, { description: docs.totalCount, simple: false })
    totalCount!: Promise<number>;
  }

  return Connection;
}
