/**
 * How the graph looks wherever Laurel draws it: the graph view in the
 * explorer and Neo4j Browser (its GraSS style) take colours, shapes and
 * captions from here, so a Title is the same orange star in both.
 */
import { ARTICLE_LABEL, ENTITY_TYPES, RELATION_TYPE_NAMES, type EntityType } from '../domain/model.js';

export interface LabelStyle {
  /** Fill and border colours. */
  color: string;
  border: string;
  /** Text on the fill (Neo4j Browser writes captions inside nodes). */
  text: string;
  /** A Cytoscape.js node shape. */
  shape: string;
  /** Node size in the graph view, in pixels. */
  size: number;
  /** What the legend calls the label. */
  legend: string;
}

export const LABEL_STYLES: Record<EntityType | typeof ARTICLE_LABEL, LabelStyle> = {
  Person: { color: '#4C8EDA', border: '#2870C2', text: '#FFFFFF', shape: 'ellipse', size: 34, legend: 'Person 人物' },
  Title: { color: '#F79767', border: '#F36924', text: '#FFFFFF', shape: 'star', size: 40, legend: 'Title 称号' },
  Award: { color: '#F16667', border: '#EB2728', text: '#FFFFFF', shape: 'diamond', size: 38, legend: 'Award 奖章·奖项' },
  Union: { color: '#57C7E3', border: '#23B3D7', text: '#2A2C34', shape: 'hexagon', size: 40, legend: 'Union 工会' },
  Company: { color: '#8DCC93', border: '#5DB665', text: '#2A2C34', shape: 'round-rectangle', size: 36, legend: 'Company 企业' },
  Organization: { color: '#C990C0', border: '#B261A5', text: '#FFFFFF', shape: 'barrel', size: 36, legend: 'Organization 机构' },
  Article: { color: '#D9C8AE', border: '#C0A378', text: '#2A2C34', shape: 'rectangle', size: 24, legend: 'Article 文章' },
};

/** Relationship colours; MENTIONS is grey, every fact type has its own. */
export const RELATION_COLOURS: Record<string, string> = {
  HOLDS_TITLE: '#F36924',
  RECEIVED: '#EB2728',
  WORKS_FOR: '#5DB665',
  HONOURED_BY: '#23B3D7',
  CONFERRED_BY: '#B261A5',
  MENTIONS: '#A5ABB6',
};

/**
 * Fonts that carry Chinese, most likely first: Noto/Source Han (Linux,
 * Debian's fonts-noto-cjk), PingFang and Hiragino (macOS), Microsoft YaHei
 * (Windows), WenQuanYi (older Linux).
 */
export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

// Every label and type of the model has a style (checked once, at import).
for (const l of [...ENTITY_TYPES, ARTICLE_LABEL] as const) if (!LABEL_STYLES[l]) throw new Error(`no style for label ${l}`);
for (const t of RELATION_TYPE_NAMES) if (!RELATION_COLOURS[t]) throw new Error(`no colour for relationship type ${t}`);
