// Every typed relation of one entity, in both directions, with its strength.
// params: $name — entity name or alias (case-insensitive)
// returns: direction (out/in), relation, other, other_type, sentences, negated, confidence, id
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR any(alias IN coalesce(e.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (e)-[r]-(o:Entity)
WHERE type(r) <> 'CO_MENTIONED'
RETURN CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction, type(r) AS relation, o.name AS other,
       o.type AS other_type, r.evidence_count AS sentences, r.negated_count AS negated, r.confidence AS confidence,
       r.id AS id
ORDER BY relation, direction, other
