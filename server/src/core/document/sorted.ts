/**
 * Searching sorted lists (figures, spans, claims, occurrences, all kept in text order).
 */

/**
 * The number of leading `items` for which `before` holds, found by binary search: the index of the
 * first item for which it does not. `items` must be ordered so that `before` holds for a prefix
 * (e.g. `(f) => f.start < pos` on figures sorted by start).
 */
export function countBefore<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
