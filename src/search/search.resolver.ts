import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { SearchCallsArgs } from '../calls/call.input.js';
import { CallSearchConnection } from '../calls/call.type.js';
import type { Context } from '../context.js';
import { searchCalls } from './search.service.js';
import { selectsPath } from '../common/selection.js';

@Resolver(() => CallSearchConnection)
export class SearchResolver {
  @Query(() => CallSearchConnection, { description: 'Full-text search over transcripts, best match first.' })
  searchCalls(@Args(() => SearchCallsArgs) args: SearchCallsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return searchCalls(ctx, args, { headline: selectsPath(info, ['edges', 'headline']) });
  }
}
