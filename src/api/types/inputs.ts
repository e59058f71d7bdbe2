/** Input types: filters and entity references. */
import { Field, ID, InputType, Int } from 'type-graphql';
import type { EntityType as EntityTypeName } from '../../domain/model.js';
import { EntityType } from './enums.js';
import { HonourLevel } from './level.js';

@InputType({
  description:
    'Conditions on people; all given must hold. Entities are named by canonical name or alias. Year and level conditions concern honours (HOLDS_TITLE, RECEIVED): with title or award, that honour\'s facts must match; with neither, some title or award the person holds must.',
})
export class PeopleFilter {
  @Field(() => String, { nullable: true, description: 'Holds this honorary title, for example 全国劳动模范.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Received this award, for example 全国五一劳动奖章.' })
  award?: string | null;

  @Field(() => String, { nullable: true, description: 'Works for this union (WORKS_FOR).' })
  union?: string | null;

  @Field(() => String, { nullable: true, description: 'Works for this company (WORKS_FOR).' })
  company?: string | null;

  @Field(() => String, { nullable: true, description: 'Works for this organisation (WORKS_FOR).' })
  organization?: string | null;

  @Field(() => Int, { nullable: true, description: 'An honour fact gives this year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'An honour fact gives this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'An honour fact gives this year or earlier.' })
  yearTo?: number | null;

  @Field(() => HonourLevel, { nullable: true, description: "The honour's level: national, provincial, municipal, district or sector." })
  level?: string | null;
}

@InputType({ description: 'Conditions on articles; all given must hold.' })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Printed by this newspaper.' })
  newspaper?: string | null;

  @Field(() => String, { nullable: true, description: 'Dated on or after this ISO date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  dateFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Dated on or before this ISO date (YYYY, YYYY-MM or YYYY-MM-DD); 2025-05 includes all of May.' })
  dateTo?: string | null;
}

@InputType({
  description:
    'One entity, by id, or by name (canonical name or alias). Several entities may share a name: type narrows the choice, and the first is taken in the order Person, Title, Award, Union, Company, Organization, then namesakes in key order; the id in the answer says which.',
})
export class EntityRef {
  @Field(() => ID, { nullable: true, description: 'The entity id, `Type:key` (for example Person:张三 or Title:全国劳动模范).' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'The canonical name or an alias.' })
  name?: string | null;

  @Field(() => EntityType, { nullable: true, description: 'With name: only entities of this type.' })
  type?: EntityTypeName | null;
}
