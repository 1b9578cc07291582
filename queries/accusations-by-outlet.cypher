// Accusations made in each outlet's documents: who accuses whom, and the sentence, grouped by publishing outlet.
// params: none
// returns: outlet, document, accuser, accused, sentence
MATCH (o:Entity:MediaOutlet)<-[:PUBLISHED_BY]-(d:Document)<-[:FROM_DOCUMENT]-(ev:Evidence)
WHERE ev.relation_type = 'ACCUSES' AND ev.negated = false
MATCH (ev)-[:SUBJECT]->(a:Entity)
MATCH (ev)-[:OBJECT]->(b:Entity)
RETURN o.name AS outlet, d.id AS document, a.name AS accuser, b.name AS accused, ev.sentence AS sentence
ORDER BY outlet, document, ev.start
