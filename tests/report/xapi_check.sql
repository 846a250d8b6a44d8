-- Checks xAPI 1.0.3 statements (a JSON array, in the table input(doc))
-- against the rules of the specification (xAPI-Data.md) that apply to what
-- crisisdrill writes. Prints one line per violation; no line means valid.
-- Run: sqlite3 :memory: -cmd "create table input(doc); insert into input values(readfile('FILE'))" < xapi_check.sql
.mode list
WITH
  doc AS (SELECT doc FROM input),
  st AS (SELECT s.key AS i, s.value AS v FROM doc, json_each(doc.doc) AS s),
  uuid_like(i, what, u) AS (
    SELECT i, 'id', json_extract(v, '$.id') FROM st
    UNION ALL SELECT i, 'context.registration', json_extract(v, '$.context.registration') FROM st),
  problems(msg) AS (
    SELECT 'not valid JSON' FROM doc WHERE NOT json_valid(doc)
    UNION ALL SELECT 'not an array of statements' FROM doc WHERE json_valid(doc) AND json_type(doc) <> 'array'
    UNION ALL SELECT 'statement ' || i || ': not an object' FROM st WHERE json_type(v) <> 'object'
    -- Only the properties of a Statement (4.1.1), and none the LRS sets (stored, authority).
    UNION ALL SELECT 'statement ' || i || ': unexpected property ' || p.key FROM st, json_each(st.v) p
      WHERE p.key NOT IN ('id','actor','verb','object','result','context','timestamp','version','attachments')
    UNION ALL SELECT 'statement ' || i || ': missing ' || req.k FROM st,
      (SELECT 'actor' AS k UNION ALL SELECT 'verb' UNION ALL SELECT 'object') req WHERE json_type(v, '$.' || req.k) IS NULL
    -- UUIDs: 8-4-4-4-12 lowercase hex, RFC 4122 variant.
    UNION ALL SELECT 'statement ' || i || ': ' || what || ' is not a UUID: ' || ifnull(u, 'null') FROM uuid_like
      WHERE (u IS NULL AND what = 'id') OR length(u) <> 36 OR u NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[1-5][0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    UNION ALL SELECT 'duplicate statement id ' || json_extract(v, '$.id') FROM st GROUP BY json_extract(v, '$.id') HAVING count(*) > 1
    -- Actor (4.1.2): an Agent identified by exactly one IFI, here an account {homePage IRL, name}.
    UNION ALL SELECT 'statement ' || i || ': actor.objectType must be Agent' FROM st WHERE json_extract(v, '$.actor.objectType') IS NOT 'Agent'
    UNION ALL SELECT 'statement ' || i || ': actor has more than the account as identifier' FROM st
      WHERE json_type(v, '$.actor.mbox') IS NOT NULL OR json_type(v, '$.actor.mbox_sha1sum') IS NOT NULL OR json_type(v, '$.actor.openid') IS NOT NULL
    UNION ALL SELECT 'statement ' || i || ': actor.account.homePage is not an http(s) IRL' FROM st
      WHERE ifnull(json_extract(v, '$.actor.account.homePage'), '') NOT GLOB 'http*://?*' OR json_type(v, '$.actor.account.homePage') IS NOT 'text'
    UNION ALL SELECT 'statement ' || i || ': actor.account.name must be a string' FROM st WHERE json_type(v, '$.actor.account.name') IS NOT 'text'
    -- Verb (4.1.3): an IRI id and a language map display.
    UNION ALL SELECT 'statement ' || i || ': verb.id is not an absolute IRI' FROM st WHERE ifnull(json_extract(v, '$.verb.id'), '') NOT GLOB '[a-z]*:?*'
    UNION ALL SELECT 'statement ' || i || ': verb.display is not a language map' FROM st WHERE json_type(v, '$.verb.display') IS NOT 'object'
    -- Object (4.1.4): an Activity with an IRI id; definition name/description are language maps.
    UNION ALL SELECT 'statement ' || i || ': object.objectType must be Activity' FROM st WHERE json_extract(v, '$.object.objectType') IS NOT 'Activity'
    UNION ALL SELECT 'statement ' || i || ': object.id is not an absolute IRI without spaces' FROM st
      WHERE ifnull(json_extract(v, '$.object.id'), '') NOT GLOB '[a-z]*:?*' OR instr(json_extract(v, '$.object.id'), ' ') > 0
    UNION ALL SELECT 'statement ' || i || ': object.definition.' || m.k || ' is not a language map' FROM st,
      (SELECT 'name' AS k UNION ALL SELECT 'description') m WHERE json_type(v, '$.object.definition.' || m.k) IS NOT 'object'
    -- Language map keys: RFC 5646 tags (letters, digits, hyphens); values strings.
    UNION ALL SELECT 'statement ' || i || ': language map key ' || t.key || ' is not a language tag' FROM st, json_tree(st.v) t
      WHERE t.path IN ('$.verb.display', '$.object.definition.name', '$.object.definition.description')
        AND (t.key GLOB '*[^A-Za-z0-9-]*' OR t.key = '' OR t.type <> 'text')
    -- Result (4.1.5): scaled in [-1, 1], raw within min..max when given, booleans, ISO 8601 duration.
    UNION ALL SELECT 'statement ' || i || ': result.score.scaled out of [-1, 1]' FROM st
      WHERE json_type(v, '$.result.score.scaled') IS NOT NULL AND abs(json_extract(v, '$.result.score.scaled')) > 1
    UNION ALL SELECT 'statement ' || i || ': result.score.raw below min' FROM st
      WHERE json_extract(v, '$.result.score.min') IS NOT NULL AND json_extract(v, '$.result.score.raw') < json_extract(v, '$.result.score.min')
    UNION ALL SELECT 'statement ' || i || ': result.score.raw above max' FROM st
      WHERE json_extract(v, '$.result.score.max') IS NOT NULL AND json_extract(v, '$.result.score.raw') > json_extract(v, '$.result.score.max')
    UNION ALL SELECT 'statement ' || i || ': result.score.' || n.k || ' is not a number' FROM st,
      (SELECT 'scaled' AS k UNION ALL SELECT 'min' UNION ALL SELECT 'max') n
      WHERE json_type(v, '$.result.score.' || n.k) IS NOT NULL AND json_type(v, '$.result.score.' || n.k) NOT IN ('integer', 'real')
    UNION ALL SELECT 'statement ' || i || ': result.score.max is not above min' FROM st
      WHERE json_extract(v, '$.result.score.min') IS NOT NULL AND json_extract(v, '$.result.score.max') IS NOT NULL
        AND json_extract(v, '$.result.score.max') <= json_extract(v, '$.result.score.min')
    UNION ALL SELECT 'statement ' || i || ': result.score.raw is not a number' FROM st
      WHERE json_type(v, '$.result.score') IS NOT NULL AND json_type(v, '$.result.score.raw') NOT IN ('integer', 'real')
    UNION ALL SELECT 'statement ' || i || ': result.' || b.k || ' is not a boolean' FROM st,
      (SELECT 'completion' AS k UNION ALL SELECT 'success') b
      WHERE json_type(v, '$.result.' || b.k) IS NOT NULL AND json_type(v, '$.result.' || b.k) NOT IN ('true', 'false')
    UNION ALL SELECT 'statement ' || i || ': result.duration is not an ISO 8601 duration: ' || json_extract(v, '$.result.duration') FROM st
      WHERE json_type(v, '$.result.duration') IS NOT NULL AND NOT (
        json_extract(v, '$.result.duration') GLOB 'PT*S'
        AND ltrim(rtrim(substr(json_extract(v, '$.result.duration'), 3), 'S'), '0123456789HM.') = ''
        AND json_extract(v, '$.result.duration') NOT GLOB '*.*.*'
        AND json_extract(v, '$.result.duration') NOT GLOB '*.[0-9][0-9][0-9]*')
    -- Context (4.1.6): extensions keyed by IRIs; language a tag.
    UNION ALL SELECT 'statement ' || i || ': extension key ' || e.key || ' is not an IRI' FROM st, json_each(st.v, '$.context.extensions') e
      WHERE e.key NOT GLOB '[a-z]*:?*' OR instr(e.key, ' ') > 0
    UNION ALL SELECT 'statement ' || i || ': context.language is not a language tag' FROM st
      WHERE json_type(v, '$.context.language') IS NOT NULL AND json_extract(v, '$.context.language') GLOB '*[^A-Za-z0-9-]*'
    -- Timestamp (4.1.7): RFC 3339 / ISO 8601 with a time zone.
    UNION ALL SELECT 'statement ' || i || ': timestamp is not RFC 3339 UTC with ms: ' || json_extract(v, '$.timestamp') FROM st
      WHERE json_type(v, '$.timestamp') IS NOT NULL AND json_extract(v, '$.timestamp') NOT GLOB
        '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9].[0-9][0-9][0-9]Z'
    -- Version (4.1.10): 1.0.x.
    UNION ALL SELECT 'statement ' || i || ': version must be 1.0.x' FROM st WHERE json_type(v, '$.version') IS NOT NULL AND json_extract(v, '$.version') NOT GLOB '1.0.[0-9]*'
    -- No null anywhere: the LRS rejects null values in most properties.
    UNION ALL SELECT 'statement ' || i || ': null at ' || t.fullkey FROM st, json_tree(st.v) t WHERE t.type = 'null')
SELECT msg FROM problems;
