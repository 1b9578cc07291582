// Former names: which group was formerly known as which.
// params: none
// returns: name, formerly
MATCH (a:Entity)-[r:FORMERLY_KNOWN_AS]->(b:Entity)
WHERE r.evidence_count > 0
RETURN a.name AS name, b.name AS formerly
ORDER BY name, formerly
