/** Whom a body honoured, directly or through the honours it confers. */
import { BODY_TYPES } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { HonourLink } from '../types/enums.js';
import { entityMap, factMap, toEntity, toFact, type EntityView, type FactView } from './views.js';

export interface ConferralFactView extends FactView {
  honour: EntityView;
  body: EntityView;
}

export interface HonouredPersonView extends FactView {
  person: EntityView;
  body: EntityView;
  via: HonourLink;
  honour: EntityView | null;
  conferredBy: ConferralFactView[];
}

type Raw = Parameters<typeof toEntity>[0];

export class BodyRepository {
  constructor(private readonly graph: Graph) {}

  /** People the body honoured: HONOURED_BY facts first, then holders of honours it confers; by name. */
  async honoured(body: EntityView): Promise<HonouredPersonView[]> {
    if (!(BODY_TYPES as readonly string[]).includes(body.type)) throw new Error(`not a body: ${body.type}`);
    const rows = await this.graph.read<{ via: HonourLink; person: Raw; body: Raw; honour: Raw | null; fact: Parameters<typeof toFact>[0]; conferrals: { honour: Raw; fact: Parameters<typeof toFact>[0] }[] }>(
      `MATCH (b:${body.type} {key: $key})
       CALL (b) {
         MATCH (p:Person)-[r:HONOURED_BY]->(b)
         RETURN p, r, null AS h, [] AS conferrals, $direct AS via
         UNION ALL
         MATCH (p:Person)-[r:HOLDS_TITLE|RECEIVED]->(h)-[:CONFERRED_BY]->(b)
         WITH DISTINCT p, r, h, b
         RETURN p, r, h, [(h)-[c:CONFERRED_BY]->(b) | {honour: ${entityMap('h')}, fact: ${factMap('c')}}] AS conferrals, $honour AS via
       }
       RETURN via, ${entityMap('p')} AS person, ${entityMap('b')} AS body,
              CASE WHEN h IS NULL THEN null ELSE ${entityMap('h')} END AS honour,
              ${factMap('r')} AS fact, conferrals
       ORDER BY via, p.name, p.key, h.name, r.article`,
      { key: body.key, direct: HonourLink.DIRECT, honour: HonourLink.HONOUR },
    );
    return rows.map((r) => {
      const b = toEntity(r.body);
      return {
        ...toFact(r.fact),
        via: r.via,
        person: toEntity(r.person),
        body: b,
        honour: r.honour ? toEntity(r.honour) : null,
        conferredBy: r.conferrals.map((c) => ({ ...toFact(c.fact), honour: toEntity(c.honour), body: b })),
      };
    });
  }
}
