import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CallRecord } from '../calls/call.projection.js';
import { Call, SimilarCall } from '../calls/call.type.js';
import type { Context } from '../context.js';
import { SIMILAR_DEFAULT_FIRST, similarCalls } from './similar.service.js';

@Resolver(() => Call)
export class SimilarCallsResolver {
  @FieldResolver(() => [SimilarCall], { description: 'The most similar other calls by embedding, most similar first; 1 <= first <= 20.' })
  similarCalls(
    @Root() call: CallRecord,
    @Arg('first', () => Int, { nullable: true, defaultValue: SIMILAR_DEFAULT_FIRST }) first: number | null,
    @Ctx() ctx: Context,
  ) {
    return similarCalls(ctx, call, first);
  }
}
