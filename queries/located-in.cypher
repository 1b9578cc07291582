// The located-in hierarchy: each place with the chain of places containing it (up to 4 levels).
// params: none
// returns: place, within (innermost first)
MATCH p = (x:Entity)-[:LOCATED_IN*1..4]->(top:Entity)
WHERE NOT (top)-[:LOCATED_IN]->() AND all(r IN relationships(p) WHERE r.evidence_count > 0)
RETURN x.name AS place, [n IN nodes(p) | n.name][1..] AS within
ORDER BY place, within
