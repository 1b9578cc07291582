// Where each actor operates: places with the actors said to operate in them.
// params: none
// returns: place, actors (sorted names)
MATCH (g:Entity)-[r:OPERATES_IN]->(p:Entity)
WHERE r.evidence_count > 0
WITH p, g
ORDER BY g.name
RETURN p.name AS place, collect(g.name) AS actors
ORDER BY place
