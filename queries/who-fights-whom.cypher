// Who fights whom: every FIGHTS relationship with at least one non-negated sentence.
// params: none
// returns: side_a, side_b, sentences, confidence, hedged, documents
MATCH (a:Entity)-[r:FIGHTS]->(b:Entity)
WHERE r.evidence_count > 0
RETURN a.name AS side_a, b.name AS side_b, r.evidence_count AS sentences, r.confidence AS confidence,
       r.hedged AS hedged, r.documents AS documents
ORDER BY side_a, side_b
