-- pgvector: the embedding column and its HNSW index. On a PostgreSQL server
-- without the extension installed, run scripts/setup-pgvector.sh first.
CREATE EXTENSION IF NOT EXISTS vector;
