-- Custom SQL migration: search support the TypeScript schema cannot express (triggers and
-- functions). Source of truth: subgraphs/catalog/src/search/postgres/search-schema.sql; the
-- migration drizzle/migrations/0001_search.sql must stay identical (a test compares them).
-- A trigger keeps products.category_path (the names of the product's category and its
-- ancestors, root first) and products.search_vector (the weighted search document) current on
-- every write, whatever the writer sends for them; catalog.search_words holds every word of
-- every search document.

-- The names of a category and its ancestors, root first. Depth-capped, so a cycle cannot loop.
CREATE OR REPLACE FUNCTION "catalog"."category_path_of"(category text) RETURNS text
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(id, parent_id, name, depth) AS (
    SELECT id, parent_id, name, 0 FROM "catalog"."categories" WHERE id = category
    UNION ALL
    SELECT c.id, c.parent_id, c.name, up.depth + 1
    FROM "catalog"."categories" c JOIN up ON c.id = up.parent_id
    WHERE up.depth < 32
  )
  SELECT coalesce(string_agg(name, ' ' ORDER BY depth DESC), '') FROM up
$$;
--> statement-breakpoint
-- Title weighs most (A), then brand and category names (B), then the description (C).
CREATE OR REPLACE FUNCTION "catalog"."product_search_vector"(title text, brand text, category_path text, description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(brand, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(category_path, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "catalog"."products_search_document"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.category_id IS DISTINCT FROM OLD.category_id OR NEW.category_path IS NULL THEN
    NEW.category_path := "catalog"."category_path_of"(NEW.category_id);
  END IF;
  NEW.search_vector := "catalog"."product_search_vector"(NEW.title, NEW.brand, NEW.category_path, NEW.description);
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "products_search_document" ON "catalog"."products";
--> statement-breakpoint
CREATE TRIGGER "products_search_document"
  BEFORE INSERT OR UPDATE OF title, brand, description, category_id, category_path, search_vector
  ON "catalog"."products"
  FOR EACH ROW EXECUTE FUNCTION "catalog"."products_search_document"();
--> statement-breakpoint
-- A renamed or moved category changes the path of every product filed anywhere below it.
CREATE OR REPLACE FUNCTION "catalog"."categories_refresh_paths"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalog"."products" p SET category_path = "catalog"."category_path_of"(p.category_id)
  WHERE p.category_id IN (
    WITH RECURSIVE below(id) AS (
      SELECT NEW.id
      UNION
      SELECT c.id FROM "catalog"."categories" c JOIN below ON c.parent_id = below.id
    )
    SELECT id FROM below
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "categories_refresh_paths" ON "catalog"."categories";
--> statement-breakpoint
CREATE TRIGGER "categories_refresh_paths" AFTER UPDATE OF name, parent_id ON "catalog"."categories"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION "catalog"."categories_refresh_paths"();
--> statement-breakpoint
-- Collects the words of written products, once per statement (cheap for bulk inserts). Sorted,
-- so concurrent writers take the word locks in one order and cannot deadlock on each other.
-- Words are never removed here: a stale word only widens a typo lookup; a reindex prunes them.
CREATE OR REPLACE FUNCTION "catalog"."search_words_collect"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "catalog"."search_words" (word)
  SELECT word FROM (
    SELECT DISTINCT w AS word FROM changed, unnest(tsvector_to_array(changed.search_vector)) AS w
    WHERE length(w) BETWEEN 3 AND 40
  ) words
  ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "products_search_words_insert" ON "catalog"."products";
--> statement-breakpoint
CREATE TRIGGER "products_search_words_insert" AFTER INSERT ON "catalog"."products"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_words_collect"();
--> statement-breakpoint
DROP TRIGGER IF EXISTS "products_search_words_update" ON "catalog"."products";
--> statement-breakpoint
CREATE TRIGGER "products_search_words_update" AFTER UPDATE ON "catalog"."products"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "catalog"."search_words_collect"();
--> statement-breakpoint
-- Typo candidates for a query word: whole words by trigram similarity and words it may be the
-- beginning of by word similarity. The thresholds are deliberately low (a transposed letter in a
-- five-letter word keeps only a fifth of its trigrams): candidates are checked by edit distance
-- in the application. SET makes the GIN trigram index usable at these thresholds.
CREATE OR REPLACE FUNCTION "catalog"."search_word_candidates"(term text) RETURNS SETOF text
LANGUAGE sql STABLE STRICT
SET pg_trgm.similarity_threshold = 0.1
SET pg_trgm.word_similarity_threshold = 0.3
AS $$
  (SELECT word FROM "catalog"."search_words" WHERE word % term
   ORDER BY similarity(word, term) DESC, word LIMIT 40)
  UNION
  (SELECT word FROM "catalog"."search_words" WHERE term <% word
   ORDER BY word_similarity(term, word) DESC, word LIMIT 40)
$$;
