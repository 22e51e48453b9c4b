/**
 * A Cypher statement and its parameters. Every value reaches Neo4j as a parameter — labels and
 * relationship types come only from the closed lists below, never from input.
 */
export interface Query {
  cypher: string;
  params: Record<string, unknown>;
}

export const LABELS = [
  'County',
  'Document',
  'Sentence',
  'Industry',
  'Sector',
  'Project',
  'Target',
  'Indicator',
  'Agency',
  'Enterprise',
  'Plan',
] as const;
export type Label = (typeof LABELS)[number];

export const RELATIONSHIPS = [
  'ABOUT',
  'SUGGESTS_COUNTY',
  'HAS_SENTENCE',
  'MENTIONS',
  'EVIDENCE',
  'DEVELOPS',
  'IN_SECTOR',
  'HAS_PROJECT',
  'IN_INDUSTRY',
  'SETS',
  'MEASURES',
  'HAS_AGENCY',
  'BROADER',
] as const;
export type RelationshipType = (typeof RELATIONSHIPS)[number];

export const q = (cypher: string, params: Record<string, unknown> = {}): Query => ({ cypher, params });
