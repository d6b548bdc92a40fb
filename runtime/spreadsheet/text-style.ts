/**
 * TextStyle and its builder (developers.google.com/apps-script/reference/spreadsheet/text-style): font family,
 * size, colour, bold, italic, underline, strikethrough. Unset attributes read null.
 */
export interface TextStyleSpec {
  fontFamily: string | null;
  fontSize: number | null;
  foregroundColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
}

export const EMPTY_TEXT_STYLE: TextStyleSpec = {
  fontFamily: null,
  fontSize: null,
  foregroundColor: null,
  bold: null,
  italic: null,
  underline: null,
  strikethrough: null,
};

export class TextStyleImpl {
  constructor(readonly spec: TextStyleSpec) {}
  copy(): TextStyleBuilderImpl {
    return new TextStyleBuilderImpl({ ...this.spec });
  }
  getFontFamily(): string | null {
    return this.spec.fontFamily;
  }
  getFontSize(): number | null {
    return this.spec.fontSize;
  }
  getForegroundColor(): string | null {
    return this.spec.foregroundColor;
  }
  getForegroundColorObject(): null {
    return null;
  }
  isBold(): boolean | null {
    return this.spec.bold;
  }
  isItalic(): boolean | null {
    return this.spec.italic;
  }
  isStrikethrough(): boolean | null {
    return this.spec.strikethrough;
  }
  isUnderline(): boolean | null {
    return this.spec.underline;
  }
  toString(): string {
    return 'TextStyle';
  }
}

export class TextStyleBuilderImpl {
  constructor(private spec: TextStyleSpec = { ...EMPTY_TEXT_STYLE }) {}
  private set<K extends keyof TextStyleSpec>(key: K, value: TextStyleSpec[K]): this {
    this.spec = { ...this.spec, [key]: value };
    return this;
  }
  build(): TextStyleImpl {
    return new TextStyleImpl({ ...this.spec });
  }
  setBold(bold: boolean): this {
    return this.set('bold', Boolean(bold));
  }
  setItalic(italic: boolean): this {
    return this.set('italic', Boolean(italic));
  }
  setUnderline(underline: boolean): this {
    return this.set('underline', Boolean(underline));
  }
  setStrikethrough(strikethrough: boolean): this {
    return this.set('strikethrough', Boolean(strikethrough));
  }
  setFontFamily(fontFamily: string | null): this {
    return this.set('fontFamily', fontFamily === null ? null : String(fontFamily));
  }
  setFontSize(fontSize: number): this {
    return this.set('fontSize', Number(fontSize));
  }
  setForegroundColor(color: string): this {
    return this.set('foregroundColor', String(color).toLowerCase());
  }
  toString(): string {
    return 'TextStyleBuilder';
  }
}
