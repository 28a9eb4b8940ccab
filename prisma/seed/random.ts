// A tiny deterministic PRNG (mulberry32): the same seed gives the same sample data, byte for byte.
export type Rng = ReturnType<typeof createRng>;

export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** An integer in [min, max], both included. */
    int,
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    /** A shuffled copy (Fisher–Yates). */
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
    /** Picks by integer weights, e.g. weighted([['A', 3], ['B', 1]]). */
    weighted<T>(options: readonly (readonly [T, number])[]): T {
      const total = options.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, w] of options) {
        roll -= w;
        if (roll < 0) return value;
      }
      return (options[options.length - 1] as readonly [T, number])[0];
    },
  };
}
