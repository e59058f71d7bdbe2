/** docs/queries.graphql as the explorer reads it, and the reader itself. */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ExamplesError, parseExamples, readExamples } from '../../src/api/examples.js';
import { buildApiSchema } from '../../src/api/schema.js';

describe('docs/queries.graphql', () => {
  it('offers named examples that are valid against the API schema', async () => {
    const examples = await readExamples();
    expect(examples.length).toBeGreaterThan(0);
    const schema = await buildApiSchema();
    for (const e of examples) {
      expect(e.description, `${e.name} has a description`).not.toBe('');
      const errors = validate(schema, parse(e.query)).map((err) => err.message);
      expect(errors, `${e.name} against schema/schema.graphql`).toEqual([]);
    }
  });
});

describe('parseExamples', () => {
  const source = `# File header, not a description.

# Who holds a title.
# variables: {"title": "某荣誉", "first": 2}
query Holders($title: String!) {
  honourees(title: $title) { ...Who }
}

fragment Who on Honouree { person { ...Named } }
fragment Named on Person { name }
fragment Unused on Person { key }

# A mutation,
# over two lines.
mutation Remove { deleteArticle(id: "x") }

query Bare { stats { articles } }
`;

  it('takes each named operation with its description, variables and the fragments it uses', () => {
    const [holders, remove, bare] = parseExamples(source);
    expect(holders).toEqual({
      name: 'Holders',
      kind: 'query',
      description: 'Who holds a title.',
      variables: { title: '某荣誉', first: 2 },
      query:
        'query Holders($title: String!) {\n  honourees(title: $title) { ...Who }\n}\n\n' +
        'fragment Who on Honouree { person { ...Named } }\n\nfragment Named on Person { name }\n',
    });
    expect(remove).toMatchObject({ name: 'Remove', kind: 'mutation', description: 'A mutation, over two lines.' });
    expect(remove!.variables).toBeUndefined();
    expect(bare).toMatchObject({ name: 'Bare', description: '', query: 'query Bare { stats { articles } }\n' });
  });

  it('refuses what the explorer could not offer, naming file and line', () => {
    const refuse = (src: string, message: RegExp) => {
      expect(() => parseExamples(src, 'q.graphql')).toThrow(ExamplesError);
      expect(() => parseExamples(src, 'q.graphql')).toThrow(message);
    };
    refuse('{ stats { articles } }', /q\.graphql:1: every example needs a name/);
    refuse('query A { a }\nquery A { b }', /q\.graphql:2: two examples are named A/);
    refuse('# variables: {title: 1}\nquery A { a }', /q\.graphql:1: the variables of A are not JSON/);
    refuse('# variables: [1]\nquery A { a }', /must be a JSON object/);
    refuse('query A { ...Missing }', /fragment Missing is not defined/);
    refuse('query A {', /q\.graphql:1:\d+: Syntax Error/);
    refuse('fragment F on T { a }', /no named operation/);
  });
});
