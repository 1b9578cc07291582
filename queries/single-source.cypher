// Relations stated in only one source document (candidates for corroboration).
// params: none
// returns: source, relation, target, document, sentences
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.documents IS NOT NULL AND size(r.documents) = 1 AND r.evidence_count > 0
RETURN a.name AS source, type(r) AS relation, b.name AS target, r.documents[0] AS document,
       r.evidence_count AS sentences
ORDER BY source, relation, target
