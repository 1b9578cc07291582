// Who threatens whom, and who accuses whom (non-negated), with the number of sentences.
// params: none
// returns: source, relation (THREATENS or ACCUSES), target, sentences, documents
MATCH (a:Entity)-[r:THREATENS|ACCUSES]->(b:Entity)
WHERE r.evidence_count > 0
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.evidence_count AS sentences,
       r.documents AS documents
ORDER BY source, relation, target
