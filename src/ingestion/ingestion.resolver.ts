import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { AgentInput, CallInput, ConflictPolicy, CustomerInput, IngestionResult, UpsertResult } from './ingestion.type.js';

@Resolver()
export class IngestionResolver {
  @Mutation(() => IngestionResult, {
    description:
      'Ingests a batch of calls. More than 5,000 items is a top-level\nBAD_USER_INPUT error and nothing is written. Each call is validated and\nenriched on its own: a bad item is reported in errors and never blocks the\nothers. Re-sending a callId is idempotent under SKIP. Within one batch the\nfirst occurrence of a callId wins; later ones fail with DUPLICATE_IN_BATCH.\nUnder UPDATE the internal id and createdAt are kept; updatedAt changes.',
  })
  ingestCalls(
    @Arg('calls', () => [CallInput]) calls: CallInput[],
    // Nullable with a default, as in the contract; an explicit null means the default too.
    @Arg('onConflict', () => ConflictPolicy, { nullable: true, defaultValue: ConflictPolicy.SKIP }) onConflict: ConflictPolicy | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.ingestion.ingestCalls(calls, onConflict === ConflictPolicy.UPDATE ? 'update' : 'skip');
  }

  @Mutation(() => UpsertResult)
  upsertAgents(@Arg('agents', () => [AgentInput]) agents: AgentInput[], @Ctx() ctx: Context) {
    return ctx.ingestion.upsertParties('agent', agents);
  }

  @Mutation(() => UpsertResult)
  upsertCustomers(@Arg('customers', () => [CustomerInput]) customers: CustomerInput[], @Ctx() ctx: Context) {
    return ctx.ingestion.upsertParties('customer', customers);
  }
}
