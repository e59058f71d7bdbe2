/** Shapes of the researchers' queries: paths, neighbourhoods, and counts. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityType as EntityTypeName, RelationType as RelationTypeName } from '../../domain/model.js';
import { NETWORK_FACTS_PER_NODE } from '../limits.js';
import { Entity } from './entities.js';
import { EntityType, RelationType } from './enums.js';
import { FactGroup } from './facts.js';

@ObjectType({ description: 'One step of a path: two neighbouring entities and every fact between them, either way.' })
export class PathHop extends FactGroup {
  @Field(() => Entity, { description: 'The entity this hop leaves.' })
  from!: Entity;

  @Field(() => Entity, { description: 'The entity this hop reaches.' })
  to!: Entity;
}

@ObjectType({
  description:
    'The shortest connection between two entities over facts (never through articles): its entities in order, and for every hop the facts that make it, each with its evidence.',
})
export class Path {
  @Field(() => Int, { description: 'The number of hops.' })
  length!: number;

  @Field(() => [Entity], { description: 'The entities along the path, from `from` to `to`.' })
  nodes!: Entity[];

  @Field(() => [PathHop], { description: 'The hops, in order; hop i links nodes i and i+1.' })
  hops!: PathHop[];
}

@ObjectType({ description: 'A node of a network, for a graph-drawing client.' })
export class NetworkNode {
  @Field(() => ID, { description: 'The entity id (`Type:key`); edges refer to nodes by it.' })
  id!: string;

  @Field(() => String, { description: "A label to draw: the entity's name." })
  label!: string;

  @Field(() => EntityType, { description: "The entity's type, to style the node by." })
  type!: EntityTypeName;

  @Field(() => Int, { description: 'Steps from the centre (0 for the centre itself).' })
  depth!: number;

  @Field(() => Entity, { description: 'The entity itself, for anything else about it.' })
  entity!: Entity;
}

@ObjectType({ description: 'An edge of a network: every fact of one type from one node to another, drawn as one line.' })
export class NetworkEdge extends FactGroup {
  @Field(() => ID, { description: 'A stable id for the edge: type, source and target.' })
  id!: string;

  @Field(() => ID, { description: 'The id of the node the facts start from.' })
  source!: string;

  @Field(() => ID, { description: 'The id of the node the facts point to.' })
  target!: string;

  @Field(() => RelationType, { description: 'The fact type.' })
  type!: RelationTypeName;

  @Field(() => String, { description: 'A label to draw: the fact type, with the year or position when the facts give one.' })
  label!: string;
}

@ObjectType({
  description:
    'The neighbourhood of an entity over facts (never through articles), as nodes and edges for a graph-drawing client (vis-network, Cytoscape, d3-force take this shape).',
})
export class Network {
  @Field(() => Entity, { description: 'The entity the network is around.' })
  center!: Entity;

  @Field(() => [NetworkNode], { description: 'The entities reached, nearest first (the centre first), within a step in the order they were taken.' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'Every fact among the nodes, one edge per source, target and type.' })
  edges!: NetworkEdge[];

  @Field(() => Boolean, {
    description: `Whether entities within \`depth\` were left out: because \`limit\` was reached, or because an entity has more than ${NETWORK_FACTS_PER_NODE} facts and only the first ${NETWORK_FACTS_PER_NODE} were followed. Ask for a larger limit or a smaller depth, centre the network on that entity, or page through its holders or employees.`,
  })
  truncated!: boolean;
}

@ObjectType({ description: 'How many nodes carry a label.' })
export class LabelCount {
  @Field(() => String, { description: 'The Neo4j label (an entity type, or Article).' })
  label!: string;

  @Field(() => Int, { description: 'The number of nodes.' })
  count!: number;
}

@ObjectType({ description: 'How many relationships have a type.' })
export class RelationshipCount {
  @Field(() => String, { description: 'The Neo4j relationship type (a fact type, or MENTIONS).' })
  type!: string;

  @Field(() => Int, { description: 'The number of relationships (a fact stated by several articles counts once per article).' })
  count!: number;
}

@ObjectType({ description: 'What the graph holds: counts per label and per relationship type.' })
export class Stats {
  @Field(() => [LabelCount], { description: 'Nodes per label: every entity type and Article.' })
  labels!: LabelCount[];

  @Field(() => [RelationshipCount], { description: 'Relationships per type: every fact type and MENTIONS.' })
  relationships!: RelationshipCount[];

  @Field(() => Int, { description: 'All nodes of these labels.' })
  nodes!: number;

  @Field(() => Int, { description: 'All relationships of these types.' })
  relationshipTotal!: number;
}
