/**
 * XML for the .docx reader (saxes, a strict streaming parser): a small element tree for the little
 * parts (numbering, styles, relationships) and the event stream for the document body.
 * Names are compared by local name: WordprocessingML's `w:` prefix is not guaranteed, and both the
 * transitional and the strict namespaces occur.
 */
import type { SaxesTagNS } from 'saxes';
import { DocxReadError } from './zip';

export class XmlElement {
  readonly kids: XmlElement[] = [];
  constructor(
    readonly local: string,
    readonly attrs: ReadonlyMap<string, string>,
  ) {}
  attr(local: string): string | undefined {
    return this.attrs.get(local);
  }
  child(local: string): XmlElement | undefined {
    return this.kids.find((k) => k.local === local);
  }
  children(local: string): XmlElement[] {
    return this.kids.filter((k) => k.local === local);
  }
}

/** Attributes of a tag by local name (`w:val` → `val`). */
export function attrsOf(tag: SaxesTagNS): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of Object.values(tag.attributes)) out.set(a.local, a.value);
  return out;
}

export interface XmlHandlers {
  open(local: string, attrs: Map<string, string>): void;
  close(local: string): void;
  text(text: string): void;
}

/** Stream `xml` through `h`; a malformed part becomes DocxReadError('corrupt'). */
export function streamXml(xml: Buffer, part: string, h: XmlHandlers): void {
  // saxes is loaded on the first .docx read, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => h.open(tag.local, attrsOf(tag)));
  parser.on('closetag', (tag) => h.close(tag.local));
  parser.on('text', (t) => h.text(t));
  try {
    parser.write(stripBom(xml.toString('utf8'))).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) throw new DocxReadError('corrupt', `${part}: ${failure.message.split('\n')[0]}`);
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Parse a small part into an element tree (text content is not kept). */
export function parseTree(xml: Buffer | undefined, part: string): XmlElement | null {
  if (!xml) return null;
  const root = new XmlElement('#root', new Map());
  const stack: XmlElement[] = [root];
  streamXml(xml, part, {
    open(local, attrs) {
      const el = new XmlElement(local, attrs);
      stack[stack.length - 1].kids.push(el);
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text() {},
  });
  return root.kids[0] ?? null;
}
