// Chains of support (money, arms, backing) leading from one actor to another, at most 4 hops.
// params: $from — name or alias of the first actor; $to — name or alias of the last actor
// returns: chain (names in order), hops
MATCH (a:Entity)
WHERE toLower(a.name) = toLower($from) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($from))
MATCH (b:Entity)
WHERE toLower(b.name) = toLower($to) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($to))
MATCH p = (a)-[:SUPPORTS*1..4]->(b)
WHERE all(r IN relationships(p) WHERE r.evidence_count > 0)
RETURN [n IN nodes(p) | n.name] AS chain, length(p) AS hops
ORDER BY hops, chain
