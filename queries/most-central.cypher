// The most connected actors: degree over the typed relationships between entities (not MENTIONS or CO_MENTIONED),
// counting only relationships that at least one sentence asserts (denied-only ones are left out).
// params: none
// returns: entity, type, degree (top 25)
MATCH (e:Entity)-[r]-(:Entity)
WHERE type(r) <> 'CO_MENTIONED' AND r.evidence_count > 0
RETURN e.name AS entity, e.type AS type, count(r) AS degree
ORDER BY degree DESC, entity
LIMIT 25
