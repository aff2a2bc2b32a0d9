-- ltree holds the materialised organisation path; pg_trgm serves name search.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
