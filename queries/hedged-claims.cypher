// Hedged claims: non-negated sentences that state a relation with hedging ("reportedly", "may", "allegedly").
// params: none
// returns: source, relation, target, document, sentence
MATCH (ev:Evidence)-[:SUBJECT]->(a:Entity)
WHERE ev.hedged = true AND ev.negated = false
MATCH (ev)-[:OBJECT]->(b:Entity)
RETURN a.name AS source, ev.relation_type AS relation, b.name AS target, ev.doc AS document, ev.sentence AS sentence
ORDER BY source, relation, target, document
