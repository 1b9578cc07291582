// Entities that documents of other outlets (or of no known outlet) mention but that a given outlet never mentions.
// params: $outlet — the outlet's name or alias (a MediaOutlet entity that documents are PUBLISHED_BY)
// returns: entity, type, documents (ids of the other documents naming it)
MATCH (o:Entity:MediaOutlet)
WHERE toLower(o.name) = toLower($outlet) OR any(alias IN coalesce(o.aliases, []) WHERE toLower(alias) = toLower($outlet))
MATCH (d:Document)-[:MENTIONS]->(e:Entity)
WHERE NOT (d)-[:PUBLISHED_BY]->(o) AND NOT (e)<-[:MENTIONS]-(:Document)-[:PUBLISHED_BY]->(o)
WITH e, d
ORDER BY d.id
RETURN e.name AS entity, e.type AS type, collect(DISTINCT d.id) AS documents
ORDER BY entity
