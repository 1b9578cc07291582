// Who supports a given actor, directly or through up to 3 SUPPORTS hops (funders of funders).
// params: $name — entity name or alias (case-insensitive)
// returns: supporter, type, hops (1 = direct), supported
MATCH (g:Entity)
WHERE toLower(g.name) = toLower($name) OR any(alias IN coalesce(g.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH p = (s:Entity)-[:SUPPORTS*1..3]->(g)
WHERE s <> g AND all(r IN relationships(p) WHERE r.evidence_count > 0)
WITH g, s, min(length(p)) AS hops
RETURN s.name AS supporter, s.type AS type, hops, g.name AS supported
ORDER BY hops, supporter
