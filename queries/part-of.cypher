// Membership and hierarchy: which organisations, groups or agencies are part of which.
// params: none
// returns: member, member_type, part_of, part_of_type
MATCH (a:Entity)-[r:PART_OF]->(b:Entity)
WHERE r.evidence_count > 0
RETURN a.name AS member, a.type AS member_type, b.name AS part_of, b.type AS part_of_type
ORDER BY part_of, member
