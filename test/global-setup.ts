// Placeholder until graph/local lands: the real setup starts Neo4j and exports its address.
export default async function setup(): Promise<void> {}
