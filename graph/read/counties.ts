import { q, type Query } from '../cypher.ts';

/** Counties with their industries (by DEVELOPS weight), for the walking skeleton and the API. */
export function countiesWithIndustries(): Query {
  return q(`MATCH (c:County)
            OPTIONAL MATCH (c)-[r:DEVELOPS]->(i:Industry)
            WITH c, r, i ORDER BY r.mentions DESC, i.name
            RETURN c.code AS code, c.name AS name, c.province AS province, c.city AS city,
                   [x IN collect(CASE WHEN i IS NULL THEN NULL ELSE {id: i.id, name: i.name, mentions: r.mentions, documents: r.documents} END) WHERE x IS NOT NULL] AS industries
            ORDER BY code`);
}
