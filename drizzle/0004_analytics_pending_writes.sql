CREATE TABLE "analytics_pending_writes" (
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- A database migrated from an older version may hold views left stale by an
-- interrupted import, and nothing recorded it: owe one refresh, which the next
-- start (server or command) performs.
INSERT INTO "analytics_pending_writes" DEFAULT VALUES;
