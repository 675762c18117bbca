/**
 * Rich text values: a cell's text with a link (the part of Sheets' rich text the planner must not
 * lose). A plain setValue(s) or setFormula(s) over such a cell replaces it, link and all, as in Sheets.
 */
import type { FakeContext } from './context';

export class FakeRichTextValue {
  readonly #text: string;
  readonly #link: string | null;

  constructor(text: string, link: string | null) {
    this.#text = text;
    this.#link = link;
  }
  getText(): string {
    return this.#text;
  }
  getLinkUrl(): string | null {
    return this.#link;
  }
}

export class FakeRichTextValueBuilder {
  readonly #ctx: FakeContext;
  #text = '';
  #link: string | null = null;

  constructor(ctx: FakeContext) {
    this.#ctx = ctx;
  }
  setText(text: string): FakeRichTextValueBuilder {
    this.#ctx.calls.count('RichTextValueBuilder.setText');
    this.#text = String(text);
    return this;
  }
  setLinkUrl(link: string | null): FakeRichTextValueBuilder {
    this.#ctx.calls.count('RichTextValueBuilder.setLinkUrl');
    this.#link = link === null || link === '' ? null : String(link);
    return this;
  }
  build(): FakeRichTextValue {
    this.#ctx.calls.count('RichTextValueBuilder.build');
    return new FakeRichTextValue(this.#text, this.#link);
  }
}
