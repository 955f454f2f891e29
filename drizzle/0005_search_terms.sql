CREATE TABLE "search_term_calls" (
	"lexeme" text NOT NULL,
	"call_id" varchar(50) NOT NULL,
	"rank" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"query" "tsquery" NOT NULL,
	"min_positions" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "search_term_calls" ADD CONSTRAINT "search_term_calls_lexeme_search_terms_lexeme_fk" FOREIGN KEY ("lexeme") REFERENCES "public"."search_terms"("lexeme") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_term_calls" ADD CONSTRAINT "search_term_calls_call_id_calls_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("call_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "search_term_calls_rank_idx" ON "search_term_calls" USING btree ("lexeme","rank","call_id");--> statement-breakpoint
CREATE INDEX "search_term_calls_call_idx" ON "search_term_calls" USING btree ("call_id");
--> statement-breakpoint
-- search_term_calls holds, for every tracked term, exactly the calls whose
-- search_vector has the term's lexeme at min_positions positions or more
-- (src/search/search-terms.ts explains why that makes a search exact). This
-- trigger keeps it so on every write to calls, inside the writing transaction;
-- with no term tracked it costs one probe of an empty table per row.
CREATE FUNCTION "search_term_calls_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM search_term_calls WHERE call_id IN (OLD.call_id, NEW.call_id);
  END IF;
  IF EXISTS (SELECT 1 FROM search_terms) THEN
    INSERT INTO search_term_calls (lexeme, call_id, rank)
    SELECT t.lexeme, NEW.call_id, ts_rank(NEW.search_vector, t.query)
    FROM unnest(NEW.search_vector) AS u(lexeme, positions, weights)
    JOIN search_terms t ON t.lexeme = u.lexeme
    WHERE cardinality(u.positions) >= t.min_positions;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "calls_search_terms_insert" AFTER INSERT ON "calls"
  FOR EACH ROW EXECUTE FUNCTION "search_term_calls_sync"();--> statement-breakpoint
CREATE TRIGGER "calls_search_terms_update" AFTER UPDATE OF "transcript", "call_id" ON "calls"
  FOR EACH ROW WHEN (OLD.transcript IS DISTINCT FROM NEW.transcript OR OLD.call_id IS DISTINCT FROM NEW.call_id)
  EXECUTE FUNCTION "search_term_calls_sync"();
