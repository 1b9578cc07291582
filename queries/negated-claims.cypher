// Negated claims: sentences that deny a relation ("X does not support Y"), with who the relation links.
// params: none
// returns: source, relation, target, document, sentence
MATCH (ev:Evidence)-[:SUBJECT]->(a:Entity)
WHERE ev.negated = true
MATCH (ev)-[:OBJECT]->(b:Entity)
RETURN a.name AS source, ev.relation_type AS relation, b.name AS target, ev.doc AS document, ev.sentence AS sentence
ORDER BY source, relation, target, document
