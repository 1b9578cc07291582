// Documents that mention two given actors together.
// params: $a — name or alias of one actor; $b — name or alias of the other
// returns: document, title, outlet, date, mentions_a, mentions_b
MATCH (x:Entity)
WHERE toLower(x.name) = toLower($a) OR any(alias IN coalesce(x.aliases, []) WHERE toLower(alias) = toLower($a))
MATCH (y:Entity)
WHERE toLower(y.name) = toLower($b) OR any(alias IN coalesce(y.aliases, []) WHERE toLower(alias) = toLower($b))
MATCH (x)<-[mx:MENTIONS]-(d:Document)-[my:MENTIONS]->(y)
RETURN d.id AS document, d.title AS title, d.outlet AS outlet, d.date AS date, mx.count AS mentions_a,
       my.count AS mentions_b
ORDER BY document
