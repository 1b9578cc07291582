// Which places (or other entities) each actor is said to control.
// params: none
// returns: actor, type, controls (sorted names)
MATCH (g:Entity)-[r:CONTROLS]->(p:Entity)
WHERE r.evidence_count > 0
WITH g, p
ORDER BY p.name
RETURN g.name AS actor, g.type AS type, collect(p.name) AS controls
ORDER BY actor
