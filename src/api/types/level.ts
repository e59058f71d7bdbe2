/**
 * The level of an honour as an argument. Honours carry their level as a
 * word (national, provincial, municipal, district, sector); clients write it
 * that way, in capitals as GraphQL enums look (NATIONAL, with or without
 * quotes), or in Chinese (全国, 省级, 市级, 区级, 行业). Anything else is
 * refused with the list of what is allowed.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import honours from '../../domain/lexicon/honours.json' with { type: 'json' };

export const LEVELS = Object.keys(honours.levels);

const CHINESE: Record<string, string> = { 全国: 'national', 国家级: 'national', 省级: 'provincial', 市级: 'municipal', 区级: 'district', 县级: 'district', 行业: 'sector' };

function level(value: unknown): string {
  const word = typeof value === 'string' ? value.trim() : '';
  const found = LEVELS.find((l) => l === word.toLowerCase()) ?? CHINESE[word];
  if (found) return found;
  throw new GraphQLError(
    `level must be one of ${LEVELS.join(', ')} (in any case, NATIONAL as well as "national", or in Chinese: ${Object.keys(CHINESE).join(', ')}), not ${JSON.stringify(value)}`,
    { extensions: { code: 'BAD_USER_INPUT', allowed: LEVELS } },
  );
}

export const HonourLevel = new GraphQLScalarType({
  name: 'HonourLevel',
  description: `The level of an honour: ${LEVELS.join(', ')}; any case (NATIONAL may be written without quotes, as an enum), or in Chinese (${Object.keys(CHINESE).join(', ')}).`,
  serialize: (value) => value,
  parseValue: level,
  parseLiteral: (ast) => level(ast.kind === Kind.STRING || ast.kind === Kind.ENUM ? ast.value : `${ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? ast.value : ast.kind}`),
});
