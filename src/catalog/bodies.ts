/**
 * Abolished bodies (catalog/bodies/*.yaml): who no longer exists, since when, and who took the tasks over where the
 * law names a successor. Authority texts are matched after normalising case and tone marks.
 */
import { normaliseName } from './names.js';
import type { AbolishedBody } from './schema.js';

/** An abolished body found in a text. */
export interface StaleBody {
  readonly body: AbolishedBody;
  /** The name as the text writes it (the longest of the body's names found). */
  readonly named: string;
}

interface CompiledBody {
  readonly body: AbolishedBody;
  /** Normalised names, longest first, each with its written form. */
  readonly names: readonly (readonly [string, string])[];
}

/** The bodies of every file, ready to match. */
export type BodyIndex = readonly CompiledBody[];

/** Compiles the abolished bodies for matching. */
export function compileBodies(bodies: readonly AbolishedBody[]): BodyIndex {
  return Object.freeze(
    bodies.map((body) =>
      Object.freeze({
        body,
        names: Object.freeze(
          body.names.map((name) => [normaliseName(name), name] as const).sort((a, b) => b[0].length - a[0].length),
        ),
      }),
    ),
  );
}

/**
 * The abolished bodies a text names (that are abolished on `asOf`, or at all when it is not given).
 * (The public form is getStaleBodies in catalog.ts.)
 */
export function staleBodiesIn(index: BodyIndex, text: string | undefined, asOf?: string): readonly StaleBody[] {
  if (text === undefined || text === '' || index.length === 0) return NONE;
  const named = namedIn(index, text);
  if (asOf === undefined || named.every(({ body }) => body.abolishedOn <= asOf)) return named;
  return Object.freeze(named.filter(({ body }) => body.abolishedOn <= asOf));
}

const NONE: readonly StaleBody[] = Object.freeze([]);

/** How many texts each index remembers: authority texts repeat across thousands of procedures, and are few. */
const TEXTS_KEPT = 20_000;
const namedByIndex = new WeakMap<BodyIndex, Map<string, readonly StaleBody[]>>();

/** Every body of the index a text names, whatever the date; remembered per text. */
function namedIn(index: BodyIndex, text: string): readonly StaleBody[] {
  let known = namedByIndex.get(index);
  if (known === undefined) namedByIndex.set(index, (known = new Map()));
  const remembered = known.get(text);
  if (remembered !== undefined) return remembered;
  const normalised = normaliseName(text);
  const found: StaleBody[] = [];
  for (const { body, names } of index) {
    const hit = names.find(([name]) => containsWord(normalised, name));
    if (hit !== undefined) found.push(Object.freeze({ body, named: hit[1] }));
  }
  const named = found.length === 0 ? NONE : Object.freeze(found);
  if (known.size < TEXTS_KEPT) known.set(text, named);
  return named;
}

/** `name` occurs in `text` on word boundaries ("ubnd huyen" in "ubnd huyen a", not in "ubnd huyenx"). */
function containsWord(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if ((before === undefined || !/[\p{L}\d]/u.test(before)) && (after === undefined || !/[\p{L}\d]/u.test(after))) return true;
  }
  return false;
}
