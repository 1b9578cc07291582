// The sentences behind one relationship, found by the relationship's id (one hop via Evidence).
// params: $id — relation id, e.g. the r.id of a SUPPORTS relationship
// returns: document, title, sentence, trigger, negated, hedged, confidence, asserted_by
MATCH (ev:Evidence {relation_id: $id})-[:FROM_DOCUMENT]->(d:Document)
RETURN d.id AS document, d.title AS title, ev.sentence AS sentence, ev.trigger AS trigger,
       ev.negated AS negated, ev.hedged AS hedged, ev.confidence AS confidence, ev.asserted_by AS asserted_by
ORDER BY document, ev.start
