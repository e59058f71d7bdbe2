/**
 * Type definitions for the Neo4j GraphQL Library (@neo4j/graphql) over
 * Laurel's graph, as one of its users would write them: a node type per
 * label with its properties, relationships with their properties (a fact's
 * year, position, evidence, article; a mention's sentence), and @cypher
 * fields where the library has no native form (a title's distinct holders,
 * paged by name).
 */
export const TYPE_DEFS = /* GraphQL */ `
  type Fact @relationshipProperties {
    year: Int
    position: String
    evidence: String
    start: Int
    end: Int
    provenance: String
    article: String
    support: Int
  }

  type Mention @relationshipProperties {
    evidence: String!
    start: Int!
    end: Int!
    surfaces: [String!]
    count: Int
  }

  type Person @node {
    key: String!
    name: String!
    norm: String!
    aliases: [String!]
    titles: [Title!]! @relationship(type: "HOLDS_TITLE", direction: OUT, properties: "Fact")
    awards: [Award!]! @relationship(type: "RECEIVED", direction: OUT, properties: "Fact")
    employers: [Body!]! @relationship(type: "WORKS_FOR", direction: OUT, properties: "Fact")
    mentions: [Article!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
  }

  type Title @node {
    key: String!
    name: String!
    norm: String!
    level: String
    aliases: [String!]
    holders: [Person!]! @relationship(type: "HOLDS_TITLE", direction: IN, properties: "Fact")
    "The distinct people holding the title, by name, one page (the relationship list has one entry per supporting article)."
    holderPage(offset: Int!, limit: Int!): [Person!]!
      @cypher(
        statement: "MATCH (this)<-[:HOLDS_TITLE]-(p:Person) WITH DISTINCT p ORDER BY p.norm, p.key SKIP $offset LIMIT $limit RETURN p"
        columnName: "p"
      )
    holderCount: Int! @cypher(statement: "RETURN COUNT { MATCH (this)<-[:HOLDS_TITLE]-(p:Person) RETURN DISTINCT p } AS n", columnName: "n")
  }

  type Award @node {
    key: String!
    name: String!
    norm: String!
    level: String
    aliases: [String!]
  }

  type Union @node {
    key: String!
    name: String!
    norm: String!
  }

  type Company @node {
    key: String!
    name: String!
    norm: String!
  }

  type Organization @node {
    key: String!
    name: String!
    norm: String!
  }

  union Body = Union | Company | Organization

  type Article @node {
    id: String!
    title: String
    date: String
    newspaper: String
  }
`;
