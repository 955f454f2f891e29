CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"email" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_agent_id_key" UNIQUE("agent_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" varchar(50) NOT NULL,
	"agent_id" varchar(50) NOT NULL,
	"customer_id" varchar(50) NOT NULL,
	"language" varchar(35) DEFAULT 'en' NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"transcript" text NOT NULL,
	"agent_talk_ratio" double precision NOT NULL,
	"customer_sentiment_score" double precision NOT NULL,
	"agent_sentiment_score" double precision NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"utterances" jsonb NOT NULL,
	"insights" jsonb NOT NULL,
	"coaching_nudges" jsonb NOT NULL,
	"embedding" vector(384),
	"embedding_model" varchar(100),
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, transcript)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_call_id_key" UNIQUE("call_id"),
	CONSTRAINT "calls_duration_range" CHECK ("calls"."duration_seconds" between 1 and 14400),
	CONSTRAINT "calls_talk_ratio_range" CHECK ("calls"."agent_talk_ratio" between 0 and 1),
	CONSTRAINT "calls_sentiment_range" CHECK ("calls"."customer_sentiment_score" between -1 and 1)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" varchar(50) NOT NULL,
	"name" varchar(100) NOT NULL,
	"email" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_customer_id_key" UNIQUE("customer_id")
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_agents_agent_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("agent_id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_customer_id_customers_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("customer_id") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "calls_start_time_idx" ON "calls" USING btree ("start_time","call_id");--> statement-breakpoint
CREATE INDEX "calls_agent_start_time_idx" ON "calls" USING btree ("agent_id","start_time","call_id");--> statement-breakpoint
CREATE INDEX "calls_customer_start_time_idx" ON "calls" USING btree ("customer_id","start_time","call_id");--> statement-breakpoint
CREATE INDEX "calls_sentiment_idx" ON "calls" USING btree ("customer_sentiment_score","call_id");--> statement-breakpoint
CREATE INDEX "calls_duration_idx" ON "calls" USING btree ("duration_seconds","call_id");--> statement-breakpoint
CREATE INDEX "calls_language_idx" ON "calls" USING btree ("language");--> statement-breakpoint
CREATE INDEX "calls_analytics_idx" ON "calls" USING btree ("agent_id","customer_sentiment_score","agent_talk_ratio");--> statement-breakpoint
CREATE INDEX "calls_search_vector_idx" ON "calls" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "calls_embedding_hnsw_idx" ON "calls" USING hnsw ("embedding" vector_cosine_ops);