// Claims attributed to a given source ("X claimed that ..."): the relations its statements assert.
// params: $name — name or alias of the source (outlet, person, state, ...)
// returns: source_of_claim, subject, relation, object, document, sentence
MATCH (ev:Evidence)-[:ASSERTED_BY]->(s:Entity)
WHERE toLower(s.name) = toLower($name) OR any(alias IN coalesce(s.aliases, []) WHERE toLower(alias) = toLower($name))
MATCH (ev)-[:SUBJECT]->(a:Entity)
MATCH (ev)-[:OBJECT]->(b:Entity)
RETURN s.name AS source_of_claim, a.name AS subject, ev.relation_type AS relation, b.name AS object,
       ev.doc AS document, ev.sentence AS sentence
ORDER BY subject, relation, object, document
