/** A JSON value with the offsets it occupies in its text, so edits can leave everything else alone. */
export type JsonNode = JsonObject | JsonArray | JsonScalar;

interface Located {
  start: number;
  end: number;
}

export interface JsonObject extends Located {
  kind: 'object';
  members: JsonMember[];
}

export interface JsonMember extends Located {
  key: string;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonArray extends Located {
  kind: 'array';
  elements: JsonNode[];
}

export interface JsonScalar extends Located {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/** Parses strict JSON (package.json); throws a SyntaxError with the offset on bad input. */
export function parseJsonText(text: string): JsonNode {
  const parser = new Parser(text);
  const value = parser.value();
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail('Unexpected text after the JSON value');
  return value;
}

class Parser {
  pos = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  value(): JsonNode {
    this.skipWhitespace();
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') {
      const end = this.stringEnd();
      return { kind: 'scalar', start, end, value: JSON.parse(this.text.slice(start, end)) as string };
    }
    const literal = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!literal) this.fail('Unexpected character');
    this.pos += literal[0].length;
    return { kind: 'scalar', start, end: this.pos, value: JSON.parse(literal[0]) as number | boolean | null };
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && /[ \t\r\n]/.test(this.text[this.pos])) this.pos++;
  }

  fail(message: string): never {
    throw new SyntaxError(`${message} at offset ${this.pos}`);
  }

  private object(): JsonObject {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') return { kind: 'object', start, end: ++this.pos, members };
    for (;;) {
      this.skipWhitespace();
      const keyStart = this.pos;
      if (this.text[keyStart] !== '"') this.fail('Expected a property name');
      const keyEnd = this.stringEnd();
      this.skipWhitespace();
      if (this.text[this.pos++] !== ':') this.fail("Expected ':'");
      const value = this.value();
      members.push({ key: JSON.parse(this.text.slice(keyStart, keyEnd)) as string, start: keyStart, keyEnd, end: value.end, value });
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === '}') return { kind: 'object', start, end: this.pos, members };
      if (next !== ',') this.fail("Expected ',' or '}'");
    }
  }

  private array(): JsonArray {
    const start = this.pos++;
    const elements: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') return { kind: 'array', start, end: ++this.pos, elements };
    for (;;) {
      elements.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.pos++];
      if (next === ']') return { kind: 'array', start, end: this.pos, elements };
      if (next !== ',') this.fail("Expected ',' or ']'");
    }
  }

  private stringEnd(): number {
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== '"') {
      if (this.text[i] === '\n') break;
      i += this.text[i] === '\\' ? 2 : 1;
    }
    if (this.text[i] !== '"') this.fail('Unterminated string');
    this.pos = i + 1;
    return this.pos;
  }
}
