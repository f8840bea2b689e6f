/** The spellings of a resource name the generated code uses: identifiers, file names, URL segments, prose. */
export interface NameForms {
  /** `orderItem` */
  camel: string;
  /** `OrderItem` */
  pascal: string;
  /** `order-item` */
  kebab: string;
  /** `order item` */
  words: string;
}

export interface ResourceNames {
  singular: NameForms;
  plural: NameForms;
}

/** `product`, `orderItem`, `OrderItem`, `order-item`, `order_item`. */
export const RESOURCE_NAME = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;

const IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  tooth: 'teeth',
  foot: 'feet',
  ox: 'oxen',
  quiz: 'quizzes',
  leaf: 'leaves',
  knife: 'knives',
  wife: 'wives',
  life: 'lives',
  half: 'halves',
  shelf: 'shelves',
  wolf: 'wolves',
  thief: 'thieves',
  hero: 'heroes',
  potato: 'potatoes',
  tomato: 'tomatoes',
  echo: 'echoes',
  index: 'indexes',
  matrix: 'matrices',
  vertex: 'vertices',
  criterion: 'criteria',
  phenomenon: 'phenomena',
};

/** Words whose plural is the word itself: the generated names would collide without an explicit plural. */
const UNCOUNTABLE = new Set(['data', 'info', 'information', 'equipment', 'news', 'series', 'species', 'media', 'metadata', 'feedback', 'software', 'sheep', 'fish', 'deer', 'money', 'rice']);

const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package ' +
    'private protected public await undefined'
  ).split(' '),
);

/** `orderItem` / `OrderItem` / `order-item` → ['order', 'item']; acronyms stay one word (`HTTPRoute` → ['http', 'route']). */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[-_\s]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

export function formsOf(words: readonly string[]): NameForms {
  const capitalized = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return {
    camel: words[0] + capitalized.slice(1).join(''),
    pascal: capitalized.join(''),
    kebab: words.join('-'),
    words: words.join(' '),
  };
}

/** English plural of one (lower-case) word. */
export function pluralizeWord(word: string): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  if (UNCOUNTABLE.has(word)) return word;
  if (/(?:[^aeiou])y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/sis$/.test(word)) return `${word.slice(0, -2)}es`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `a` or `an` before a word (`an order item`, `a user`, `an update`, `a unit`). */
export function articleFor(words: string): 'a' | 'an' {
  const word = words.toLowerCase();
  if (/^[aeio]/.test(word)) return 'an';
  if (/^u/.test(word)) return /^(un(?!i)|up|ul|um|us(?!e|u))/.test(word) ? 'an' : 'a';
  return /^(hour|honest|honou?r|heir)/.test(word) ? 'an' : 'a';
}

/** The name problems of a resource name (or its plural), undefined when it is fine. */
export function checkResourceName(name: string, what = 'name'): string | undefined {
  if (!RESOURCE_NAME.test(name)) {
    return `The ${what} "${name}" is not usable: start with a letter and use letters and digits, words may be joined with - or _ (e.g. product, orderItem, order-item).`;
  }
  const words = splitWords(name);
  const camel = formsOf(words).camel;
  if (RESERVED_WORDS.has(camel)) return `The ${what} "${name}" is a JavaScript reserved word; choose another (e.g. ${camel}Item).`;
  return undefined;
}

/**
 * The forms of a resource's singular and plural names. The plural is derived from the last word
 * (`category` → `categories`, `orderItem` → `orderItems`) unless given; a plural equal to the
 * singular (`news`) would make the generated names collide, so it must then be given explicitly.
 */
export function resourceNames(name: string, plural?: string): ResourceNames {
  const words = splitWords(name);
  const pluralWords = plural ? splitWords(plural) : [...words.slice(0, -1), pluralizeWord(words[words.length - 1])];
  const singularForms = formsOf(words);
  const pluralForms = formsOf(pluralWords);
  if (singularForms.camel === pluralForms.camel) {
    throw new Error(
      plural
        ? `The plural "${plural}" is the same as the name "${name}": the generated names would collide. Choose a different plural.`
        : `"${name}" has no distinct plural: pass one (e.g. --plural ${singularForms.camel}Items), the generated names need both forms.`,
    );
  }
  return { singular: singularForms, plural: pluralForms };
}
