/**
 * A query object made for the shop's time zone as it is now (Settings → Site may change it at any
 * time): `make(zone)` again only when the zone has changed, else the one made before.
 */
export function perZone<T>(zone: () => string, make: (timeZone: string) => T): () => T {
  let made: { zone: string; value: T } | undefined;
  return () => {
    const now = zone();
    if (made?.zone !== now) made = { zone: now, value: make(now) };
    return made.value;
  };
}
