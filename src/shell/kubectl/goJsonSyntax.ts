/**
 * Go's `encoding/json` syntax errors (`scanner.go`), for input that must be
 * JSON: `invalid character 's' looking for beginning of object key string`,
 * `unexpected end of JSON input`. Returns undefined when the text is valid JSON.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const quoteChar = (c: string): string => (c === "'" ? "'\\''" : c === '"' ? `'"'` : `'${c}'`);
  const bad = (context: string): never => {
    throw new SyntaxErr(`invalid character ${quoteChar(text[i])} ${context}`);
  };
  const end = (): never => {
    throw new SyntaxErr('unexpected end of JSON input');
  };
  const ws = () => {
    while (i < n && ' \t\r\n'.includes(text[i])) i++;
  };
  const str = () => {
    i++;
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') {
        i++;
        if (i >= n) end();
        if (!'"\\/bfnrtu'.includes(text[i])) bad('in string escape code');
      } else if (text.charCodeAt(i) < 0x20) bad('in string literal');
      i++;
    }
    if (i >= n) end();
    i++;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (i >= n) end();
      if (text[i] !== ch) bad(`in literal ${word} (expecting ${quoteChar(ch)})`);
      i++;
    }
  };
  const num = () => {
    if (text[i] === '-') i++;
    if (i >= n) end();
    if (text[i] === '0') i++;
    else if (/[1-9]/.test(text[i])) while (i < n && /\d/.test(text[i])) i++;
    else bad('in numeric literal');
    if (text[i] === '.') {
      i++;
      if (i >= n) end();
      if (!/\d/.test(text[i])) bad('after decimal point in numeric literal');
      while (i < n && /\d/.test(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (i >= n) end();
      if (!/\d/.test(text[i])) bad('in exponent of numeric literal');
      while (i < n && /\d/.test(text[i])) i++;
    }
  };
  const value = (): void => {
    ws();
    if (i >= n) end();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (i >= n) end();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) end();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        str();
        ws();
        if (i >= n) end();
        if (text[i] !== ':') bad('after object key');
        i++;
        value();
        ws();
        if (i >= n) end();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (i >= n) end();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (i >= n) end();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === '"') return str();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || /\d/.test(c)) return num();
    bad('looking for beginning of value');
  };
  try {
    value();
    ws();
    if (i < n) bad('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxErr) return e.message;
    throw e;
  }
}

class SyntaxErr extends Error {}
