/**
 * Matching a cell against a profile's vocabulary, through the concept crosswalk (FORMATS.md §7).
 * Every outcome says what it did: kept, rewritten (with the reason), turned into the other-option,
 * or left for a person. Nothing is guessed silently: a fuzzy candidate is only ever a suggestion.
 */
import conceptsData from './concepts.json';
import type { Profile, Vocabulary } from './profile';
import { labelKey, similarity, toHalfWidth } from './text';

export type VocabStatus = 'ok' | 'fixed' | 'other' | 'other-unspecified' | 'unknown' | 'ambiguous';

export interface VocabMatch {
  status: VocabStatus;
  /** What the cell should hold: the target label, the other-option, or the original when unknown. */
  value: string;
  /** Why it changed, or what to do, in Chinese. */
  message?: string;
  /** A candidate a person may accept; never applied on its own. */
  suggestion?: string;
}

type ConceptFile = {
  domain: Record<string, { name: string; synonyms: string[] }>;
  modality: Record<string, { name: string; synonyms: string[] }>;
  ambiguous: Record<string, Record<string, string>>;
};
export const CONCEPTS = conceptsData as unknown as ConceptFile;

/** 「其它」, 「其它（海洋）」, 「其他：海洋」: the other-option and what it names, or null. Written out by
 *  hand: the regular expression it replaces (/^(其它|其他)\s*(?:[（(]\s*(.*?)\s*[)）]|[:：_\-—\s]+(.*))?$/)
 *  backtracked cubically over spaces (「其它（」 and 8,000 spaces took minutes). Same answers, linear. */
export function otherMatch(s: string): { inner: string } | null {
  if (!s.startsWith('其它') && !s.startsWith('其他')) return null;
  const rest = s.slice(2);
  const r = rest.trimStart();
  if (r === '') return { inner: '' };
  if (/^[（(]/.test(r) && /[)）]$/.test(r) && !r.includes('\n') && !r.includes('\r'))
    return { inner: r.slice(1, -1).trim() };
  if (/^[:：_\-—\s]/.test(rest)) {
    const inner = rest.replace(/^[:：_\-—\s]+/, '');
    if (!inner.includes('\n') && !inner.includes('\r')) return { inner: inner.trim() };
  }
  return null;
}

/** Spelling → concept, across every profile and the synonym lists, per vocabulary kind. */
export class ConceptIndex {
  private readonly byKind = new Map<string, Map<string, string>>();

  constructor(profiles: Profile[]) {
    for (const kind of ['domain', 'modality'] as const) {
      const m = new Map<string, string>();
      const table = CONCEPTS[kind];
      for (const [id, c] of Object.entries(table)) {
        m.set(labelKey(c.name), id);
        for (const s of c.synonyms) m.set(labelKey(s), id);
      }
      // Profile labels win over synonyms: 「图像/视频」 belongs to 山西's two concepts, take the first.
      for (const p of profiles) {
        const v = p.vocabularies[kind];
        if (!v) continue;
        for (const it of v.items) {
          if (!it.concepts.length) continue;
          for (const s of [it.label, ...it.synonyms, ...it.accept]) m.set(labelKey(s), it.concepts[0]);
        }
      }
      this.byKind.set(kind, m);
    }
  }

  concept(kind: string, text: string): string | undefined {
    return this.byKind.get(kind)?.get(labelKey(text));
  }
}

export class VocabMatcher {
  private readonly exact = new Set<string>();
  private readonly byKey = new Map<string, string>();
  private readonly synonyms = new Map<string, string>();
  private readonly byConcept = new Map<string, string>();
  private readonly cache = new Map<string, VocabMatch>();
  readonly labels: string[];

  constructor(
    readonly kind: string,
    readonly vocab: Vocabulary,
    private readonly concepts: ConceptIndex,
    /** The column's Chinese name, for messages. */
    readonly what: string,
  ) {
    this.labels = vocab.items.map((i) => i.label);
    for (const it of vocab.items) {
      this.exact.add(it.label);
      this.byKey.set(labelKey(it.label), it.label);
      for (const a of it.accept) {
        this.exact.add(a);
        this.byKey.set(labelKey(a), a);
      }
      for (const s of it.synonyms) this.synonyms.set(labelKey(s), it.label);
      for (const c of it.concepts) if (!this.byConcept.has(c)) this.byConcept.set(c, it.label);
    }
    if (vocab.other) this.exact.add(vocab.other);
  }

  /** The labels a dropdown offers: the vocabulary, then the other-option as the notice writes it. */
  options(): string[] {
    return this.vocab.other ? [...this.labels, this.vocab.other] : [...this.labels];
  }

  otherOf(inner: string): string {
    const o = this.vocab.other ?? '其他';
    return this.vocab.otherBracketed ? `${o}（${inner}）` : o;
  }

  match(raw: string): VocabMatch {
    const hit = this.cache.get(raw);
    if (hit) return hit;
    const r = this.compute(raw);
    if (this.cache.size < 50000) this.cache.set(raw, r);
    return r;
  }

  /** A value matched without its other-option handling: the label for a synonym or concept, if any. */
  private known(t: string): { label: string; how: 'key' | 'synonym' | 'concept' } | undefined {
    const k = labelKey(t);
    const byKey = this.byKey.get(k);
    if (byKey) return { label: byKey, how: 'key' };
    const syn = this.synonyms.get(k);
    if (syn) return { label: syn, how: 'synonym' };
    const c = this.concepts.concept(this.kind, t);
    if (c) {
      const l = this.byConcept.get(c);
      if (l) return { label: l, how: 'concept' };
    }
    return undefined;
  }

  private compute(raw: string): VocabMatch {
    const t = raw.trim();
    if (this.exact.has(t)) {
      if (this.vocab.other && t === this.vocab.other && this.vocab.otherBracketed) {
        return {
          status: 'other-unspecified',
          value: t,
          message: `选了「${t}」但没有注明是什么：请写成「${this.otherOf('具体内容')}」。`,
        };
      }
      return { status: 'ok', value: t };
    }
    const om = otherMatch(toHalfWidth(t));
    if (om) {
      const inner = om.inner;
      if (!this.vocab.other) {
        return {
          status: 'unknown',
          value: t,
          message: `本表的${this.what}没有「其他」选项：请从 ${this.labels.join('、')} 中选择。`,
        };
      }
      if (!inner) {
        if (!this.vocab.otherBracketed)
          return { status: 'fixed', value: this.vocab.other, message: `按通知写作「${this.vocab.other}」。` };
        return {
          status: 'other-unspecified',
          value: this.vocab.other,
          message: `选了「${this.vocab.other}」但没有注明是什么：请写成「${this.otherOf('具体内容')}」。`,
        };
      }
      const known = this.known(inner);
      // The target's own label wins: 「其它（时序数据）」 from 青海 is 「时序数据」 in 山西.
      if (known && known.how === 'key') {
        return {
          status: 'fixed',
          value: known.label,
          message: `「${inner}」是本表的选项，不必写作「${this.vocab.other}（…）」：已写作「${known.label}」。`,
        };
      }
      if (known) {
        // The hint says what the fix does: the other-option as the notice spells it; the label is only a suggestion.
        const v = this.otherOf(inner);
        return {
          status: 'other',
          value: v,
          suggestion: known.label,
          message: `已按通知写作「${v}」；「${inner}」也可能属于本表的「${known.label}」，如是请改选「${known.label}」。`,
        };
      }
      const canon = this.otherOf(inner);
      // A format whose other-option takes no detail (武汉's 「其他」): writing it would drop 「海洋」 from
      // 「其他（海洋）」, so it is offered for the clerk to accept, never applied as a safe fix.
      if (!this.vocab.otherBracketed)
        return {
          status: 'other',
          value: canon,
          message: `本表的${this.what}按通知只写「${canon}」，不带说明：可改为「${canon}」，原填的「${inner}」请另行说明。`,
        };
      if (canon !== t)
        return {
          status: 'fixed',
          value: canon,
          message: `按通知写作「${canon}」（本表写「${this.vocab.other}」，用全角括号）。`,
        };
      return { status: 'ok', value: t };
    }
    const ambiguous = CONCEPTS.ambiguous[this.kind]?.[toHalfWidth(t)];
    if (ambiguous) return { status: 'ambiguous', value: t, message: ambiguous };
    const known = this.known(t);
    if (known) {
      const why =
        known.how === 'key'
          ? '写法与通知不一致（空格、括号或全半角）'
          : known.how === 'synonym'
            ? '是简称或别称'
            : '是其他地区或其他写法的同一类别';
      return { status: 'fixed', value: known.label, message: `「${t}」${why}，本表写作「${known.label}」。` };
    }
    const c = this.concepts.concept(this.kind, t);
    if (c && this.vocab.other) {
      const v = this.otherOf(t);
      return {
        status: 'other',
        value: v,
        message: `本表的${this.what}没有「${t}」这一项，已按通知写作「${v}」：请确认。`,
      };
    }
    // Unknown: offer the closest label as a suggestion only.
    let best = '';
    let score = 0;
    const tk = labelKey(t);
    for (const it of this.vocab.items) {
      for (const s of [it.label, ...it.synonyms]) {
        const sc = similarity(tk, labelKey(s));
        if (sc > score) {
          score = sc;
          best = it.label;
        }
      }
    }
    const otherHint = this.vocab.other ? `；确属其他的，写「${this.otherOf(t)}」` : '';
    return {
      status: 'unknown',
      value: t,
      suggestion: score >= 0.5 ? best : undefined,
      message: `「${t}」不是本表的${this.what}选项：请从下拉列表中选择${score >= 0.5 ? `（是否为「${best}」？）` : ''}${otherHint}。`,
    };
  }
}

/** Splits a multi-value cell (「文本、图像」, 「文本,图片 音频」) into its values. 「图像/视频」 stays whole
 *  when the vocabulary has it; otherwise a slash separates too. */
export function splitMulti(raw: string, isKnown: (s: string) => boolean): string[] {
  const out: string[] = [];
  // Split on the original text (full-width separators included) so each value keeps the clerk's
  // own characters: 「其它（时序数据）」 must not come back as 「其它(时序数据)」 and be 「fixed」.
  for (const part of raw.split(/[、,;\n|｜，；]|\s+/)) {
    const p = part.trim();
    if (!p) continue;
    if (isKnown(p) || !/[/／和及与]/.test(p) || otherMatch(toHalfWidth(p))) out.push(p);
    else for (const q of p.split(/[/／和及与]/)) if (q.trim()) out.push(q.trim());
  }
  return out;
}
