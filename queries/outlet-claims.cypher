// Media outlets and whom they accuse or report on (relationships whose source is a MediaOutlet).
// params: none
// returns: outlet, relation (ACCUSES or REPORTS_ON), target, target_type, sentences
MATCH (o:Entity:MediaOutlet)-[r:ACCUSES|REPORTS_ON]->(t:Entity)
WHERE r.evidence_count > 0
RETURN o.name AS outlet, type(r) AS relation, t.name AS target, t.type AS target_type,
       r.evidence_count AS sentences
ORDER BY outlet, relation, target
