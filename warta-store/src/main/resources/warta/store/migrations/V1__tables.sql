-- Warta store schema, version 1. One dialect-aware file for DuckDB and PostgreSQL: ${BLOB} and ${DOUBLE}
-- are replaced by each engine's type names. Statements end with a line holding only ";".
-- Columns an analyst queries are plain columns; each event also keeps its full record ("record", JSON text
-- of schema/event.schema.json) so exports and re-linking need no re-coding.

CREATE TABLE store_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
)
;
INSERT INTO store_meta (key, value) VALUES ('generation', '0')
;
-- one row per stored article (originals and near-duplicate copies)
CREATE TABLE articles (
  id                  VARCHAR PRIMARY KEY,   -- Warta article id (canonical URL, else text)
  url                 VARCHAR,
  canonical_url       VARCHAR,
  url_key             VARCHAR,               -- canonical URL, else URL, normalised: a new version of it replaces the article
  input_name          VARCHAR,
  outlet              VARCHAR,
  title               VARCHAR,
  text                VARCHAR NOT NULL,
  language            VARCHAR,
  published           VARCHAR,               -- ISO 8601 at its precision
  published_day       DATE,
  published_precision VARCHAR,
  published_inferred  BOOLEAN,
  dateline            VARCHAR,
  authors             VARCHAR,               -- ';'-joined
  editors             VARCHAR,
  content_hash        VARCHAR NOT NULL,      -- SHA-256 of the whitespace-normalised text
  duplicate_of        VARCHAR,               -- the original this article is a (near-)copy of, else null
  similarity          ${DOUBLE},             -- estimated Jaccard similarity to duplicate_of
  minhash             VARCHAR,               -- MinHash signature (hex) of its word shingles
  page_name           VARCHAR NOT NULL,      -- the raw page, kept so that `warta recode` can re-run every stage
  page_url            VARCHAR,
  page_type           VARCHAR NOT NULL,
  page_meta           VARCHAR,               -- JSON object
  page_bytes          ${BLOB} NOT NULL,
  as_of               DATE,                  -- processing date it was coded with
  event_count         INTEGER NOT NULL,
  ingested_at         TIMESTAMP NOT NULL,
  updated_at          TIMESTAMP NOT NULL
)
;
CREATE INDEX articles_hash ON articles (content_hash)
;
CREATE INDEX articles_url_key ON articles (url_key)
;
-- MinHash LSH bands: candidate near-duplicates share a band
CREATE TABLE article_bands (
  band       VARCHAR NOT NULL,
  article_id VARCHAR NOT NULL
)
;
CREATE INDEX article_bands_band ON article_bands (band)
;
CREATE TABLE events (
  id                  VARCHAR NOT NULL,
  article_id          VARCHAR NOT NULL,
  story_id            VARCHAR,
  event               VARCHAR NOT NULL,      -- PLOVER type
  mode                VARCHAR,
  context             VARCHAR,               -- ';'-joined
  cameo               VARCHAR,
  plover_quad         INTEGER,
  cameo_quad          INTEGER,
  score               ${DOUBLE},
  date                VARCHAR,               -- as written in the record, at its precision
  day                 DATE,                  -- the event's day, else its article's publication day
  date_precision      VARCHAR,
  date_inferred       BOOLEAN,
  actor_codes         VARCHAR,               -- ';'-joined; one row per actor in table actors
  actor_sectors       VARCHAR,
  recipient_codes     VARCHAR,
  recipient_sectors   VARCHAR,
  location_text       VARCHAR,
  location_country    VARCHAR,
  location_resolution VARCHAR,
  modality            VARCHAR NOT NULL,
  attribution         VARCHAR,               -- ';'-joined names (or texts) of the sources
  mentions            INTEGER NOT NULL,
  confidence          ${DOUBLE},
  summary             VARCHAR,
  coder_warta         VARCHAR NOT NULL,      -- who made it: Warta version,
  coder_lang          VARCHAR NOT NULL,      --   language pack version,
  coder_kb            VARCHAR NOT NULL,      --   knowledge-base version
  record              VARCHAR NOT NULL       -- the full event record (JSON)
)
;
CREATE INDEX events_id ON events (id)
;
CREATE INDEX events_article ON events (article_id)
;
CREATE INDEX events_day ON events (day)
;
CREATE TABLE mentions (
  event_id     VARCHAR NOT NULL,
  article_id   VARCHAR NOT NULL,
  ordinal      INTEGER NOT NULL,
  sentence     INTEGER,
  start_offset INTEGER,                      -- code points into articles.text, end exclusive
  end_offset   INTEGER,
  trigger      VARCHAR,
  modality     VARCHAR,
  source_code  VARCHAR,
  source_name  VARCHAR,
  cue          VARCHAR
)
;
CREATE INDEX mentions_event ON mentions (event_id)
;
CREATE TABLE actors (
  event_id   VARCHAR NOT NULL,
  article_id VARCHAR NOT NULL,
  role       VARCHAR NOT NULL,               -- actor, recipient or source (attribution)
  ordinal    INTEGER NOT NULL,
  text       VARCHAR,
  code       VARCHAR,
  sector     VARCHAR,
  name       VARCHAR,
  wikidata   VARCHAR
)
;
CREATE INDEX actors_event ON actors (event_id)
;
CREATE INDEX actors_code ON actors (code)
;
-- stories: the events of many articles that report one real-world event
CREATE TABLE stories (
  id                  VARCHAR PRIMARY KEY,
  event               VARCHAR,               -- the most frequent PLOVER type of its events
  first_day           DATE,
  last_day            DATE,
  events              INTEGER NOT NULL,      -- reports (events of distinct articles)
  articles            INTEGER NOT NULL,
  sources             INTEGER NOT NULL,      -- distinct outlets
  earliest_article_id VARCHAR,
  earliest_published  VARCHAR,
  merged_ids          VARCHAR                -- ';'-joined ids of stories merged into this one
)
;
CREATE TABLE story_events (
  story_id VARCHAR NOT NULL,
  event_id VARCHAR NOT NULL
)
;
CREATE INDEX story_events_story ON story_events (story_id)
;
CREATE INDEX story_events_event ON story_events (event_id)
;
-- feed polling state for `warta watch`: conditional GET validators
CREATE TABLE feeds (
  url           VARCHAR PRIMARY KEY,
  etag          VARCHAR,
  last_modified VARCHAR,
  last_polled   TIMESTAMP,
  last_status   VARCHAR
)
;
