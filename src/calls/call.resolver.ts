import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { selectsPath } from '../common/selection.js';
import type { Context } from '../context.js';
import { AppError } from '../errors.js';
import { CallsArgs } from './call.input.js';
import type { CallRecord } from './call.projection.js';
import { getCall, listCalls } from './call.service.js';
import { Call, CallConnection, CallInsights, CoachingNudge, Utterance } from './call.type.js';

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { nullable: true, description: 'One call by its business id, or null when there is none.' })
  call(@Arg('callId', () => ID) callId: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return getCall(ctx, callId, {
      analysis: selectsPath(info, ['insights']) || selectsPath(info, ['coachingNudges']),
      transcript: selectsPath(info, ['transcript']),
      utterances: selectsPath(info, ['utterances']),
    });
  }

  @Query(() => CallConnection, { description: 'Calls that match every given filter; 1 <= first <= 100.' })
  calls(@Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: Context) {
    return listCalls(ctx, args);
  }

  @FieldResolver(() => CallInsights)
  async insights(@Root() call: CallRecord, @Ctx() ctx: Context) {
    return call.insights ?? required(await ctx.loaders.callAnalysesByCallId.load(call.callId), `insights of call ${call.callId}`).insights;
  }

  @FieldResolver(() => [CoachingNudge])
  async coachingNudges(@Root() call: CallRecord, @Ctx() ctx: Context) {
    return call.coachingNudges ?? required(await ctx.loaders.callAnalysesByCallId.load(call.callId), `nudges of call ${call.callId}`).coachingNudges;
  }

  @FieldResolver(() => String)
  async transcript(@Root() call: CallRecord, @Ctx() ctx: Context) {
    return call.transcript ?? required(await ctx.loaders.callTranscriptsByCallId.load(call.callId), `transcript of call ${call.callId}`).transcript;
  }

  @FieldResolver(() => [Utterance], { description: 'The transcript split into speaker turns, in order.' })
  async utterances(@Root() call: CallRecord, @Ctx() ctx: Context) {
    return call.utterances ?? required(await ctx.loaders.callUtterancesByCallId.load(call.callId), `utterances of call ${call.callId}`).utterances;
  }
}

/** Foreign keys make these rows exist; a miss means the data changed under us (e.g. a concurrent delete). */
function required<T>(value: T | null, what: string): T {
  if (value === null) throw new AppError('INTERNAL_SERVER_ERROR', `${what} not found`);
  return value;
}
