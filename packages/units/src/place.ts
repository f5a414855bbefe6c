/**
 * The city a registry serves, as its documents write it: 青铜峡市 (core 青铜峡, level 市), 永宁县,
 * 金凤区. A name may come with the city's full name, its level word alone (市教育局) or neither.
 */
export interface CityPlace {
  cityName: string;
  /** The name without its level word (青铜峡); equal to cityName when it has none. */
  core: string;
  /** The one-character words that stand for the city before a name (市, 县, 区). */
  levels: readonly string[];
  /** The city's full name at the start, with an optional 中共: ^(?:中共)?青铜峡市 */
  fullPrefix: RegExp;
  /** Any prefix that stands for the city: ^(?:中共)?(?:青铜峡)?市(?!场) */
  anyPrefix: RegExp;
  /** Names that carry a place of their own, which a distributed 市 does not cover. */
  otherPlace: RegExp;
}

const LEVEL_WORDS = ['市', '县', '区', '旗'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 市场监督管理局 starts with its own 市: a level word is a prefix only when no such word follows. */
const levelPattern = (level: string) => (level === '市' ? '市(?!场)' : escape(level));

/**
 * Which level words stand for the city: by default its own (青铜峡市 → 市, 永宁县 → 县). A
 * registry may name others; 区 is never implied for a 市, as Ningxia documents write 区 for 自治区.
 */
export function cityPlace(cityName: string, levels?: readonly string[]): CityPlace {
  const last = cityName.slice(-1);
  const hasLevel = LEVEL_WORDS.includes(last) && cityName.length > 1;
  const core = hasLevel ? cityName.slice(0, -1) : cityName;
  const words = levels ?? (hasLevel ? [last] : []);
  const levelAlternatives = words.map(levelPattern).join('|');
  const anyPrefix = levelAlternatives
    ? new RegExp(`^(?:中共)?(?:${escape(core)})?(?:${levelAlternatives})`, 'u')
    : new RegExp(`^(?:中共)?${escape(cityName)}`, 'u');
  return {
    cityName,
    core,
    levels: words,
    fullPrefix: new RegExp(`^(?:中共)?${escape(cityName)}`, 'u'),
    anyPrefix,
    otherPlace: new RegExp(`^(?:吴忠|中国|宁夏|自治区|国家|${escape(core)}|各|其)`, 'u'),
  };
}

/** Whether a key starts with a level word used as a prefix (市财政局, not 市场监督管理局). */
export function startsWithLevel(place: CityPlace, key: string): string | undefined {
  return place.levels.find((level) => key.startsWith(level) && !(level === '市' && key.startsWith('市场')));
}
