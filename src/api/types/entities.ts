/**
 * Entity types. Entity is the interface every node of the graph but Article
 * implements; Honour (Title, Award) and Body (Union, Company, Organization)
 * group the kinds that facts point to. Objects are resolved by their `type`,
 * which is the Neo4j label.
 */
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import type { EntityType as EntityTypeName } from '../../domain/model.js';
import { EntityType } from './enums.js';

const byLabel = (value: { type: EntityTypeName }) => value.type;

@InterfaceType({ description: 'A named entity of the graph.', resolveType: byLabel })
export abstract class Entity {
  @Field(() => ID, { description: 'Stable identifier: the type and the key, as `Type:key`.' })
  id!: string;

  @Field(() => EntityType, { description: 'The kind of entity (its Neo4j label).' })
  type!: EntityTypeName;

  @Field(() => String, {
    description: 'Unique key within the type: the normalised canonical name; people who share a name but not an employer get `name#2`, `name#3`, ….',
  })
  key!: string;

  @Field(() => String, { description: 'Canonical name, as first written.' })
  name!: string;

  @Field(() => [String], { description: 'Other names used for the entity across articles (short names, 简称).' })
  aliases!: string[];
}

@InterfaceType({ description: 'An honour a person can hold or receive: a title or an award.', implements: Entity, resolveType: byLabel })
export abstract class Honour extends Entity {
  @Field(() => String, { nullable: true, description: 'Issuing level when known: national, provincial, municipal, district or sector.' })
  level?: string | null;
}

@InterfaceType({ description: 'A body that can employ, honour or confer: a union, company or organisation.', implements: Entity, resolveType: byLabel })
export abstract class Body extends Entity {}

@ObjectType({ description: 'A named individual: honourees, officials, journalists, ….', implements: Entity })
export class Person extends Entity {}

@ObjectType({ description: 'An honorary title (荣誉称号) such as 全国劳动模范 or 大国工匠年度人物.', implements: [Entity, Honour] })
export class Title extends Honour {}

@ObjectType({ description: 'A medal, prize or competition honour such as 全国五一劳动奖章.', implements: [Entity, Honour] })
export class Award extends Honour {}

@ObjectType({ description: 'A trade-union organisation (工会, 总工会, 工会联合会).', implements: [Entity, Body] })
export class Union extends Body {}

@ObjectType({ description: 'An enterprise, including its branches and named subsidiaries.', implements: [Entity, Body] })
export class Company extends Body {}

@ObjectType({
  description: 'Any other named organisation: party and government bodies, institutions, schools, hospitals, associations, media.',
  implements: [Entity, Body],
})
export class Organization extends Body {}

/** Every concrete entity type, for buildSchema's orphanedTypes. */
export const ENTITY_OBJECT_TYPES = [Person, Title, Award, Union, Company, Organization];
