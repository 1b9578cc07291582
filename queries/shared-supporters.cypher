// Pairs of actors that have a supporter in common (direct SUPPORTS, non-negated).
// params: none
// returns: actor_a, actor_b, shared_supporters
MATCH (s:Entity)-[r1:SUPPORTS]->(a:Entity)
MATCH (s)-[r2:SUPPORTS]->(b:Entity)
WHERE a.id < b.id AND r1.evidence_count > 0 AND r2.evidence_count > 0
WITH a, b, s
ORDER BY s.name
RETURN a.name AS actor_a, b.name AS actor_b, collect(DISTINCT s.name) AS shared_supporters
ORDER BY actor_a, actor_b
