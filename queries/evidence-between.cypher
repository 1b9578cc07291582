// The sentences that relate two actors, with the relation type each one supports.
// params: $source — name or alias of the subject; $target — name or alias of the object
// returns: relation, relation_id, document, sentence, negated, hedged
MATCH (ev:Evidence)-[:SUBJECT]->(a:Entity)
WHERE toLower(a.name) = toLower($source) OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) = toLower($source))
MATCH (ev)-[:OBJECT]->(b:Entity)
WHERE toLower(b.name) = toLower($target) OR any(alias IN coalesce(b.aliases, []) WHERE toLower(alias) = toLower($target))
MATCH (ev)-[:FROM_DOCUMENT]->(d:Document)
RETURN ev.relation_type AS relation, ev.relation_id AS relation_id, d.id AS document, ev.sentence AS sentence,
       ev.negated AS negated, ev.hedged AS hedged
ORDER BY relation, document, ev.start
