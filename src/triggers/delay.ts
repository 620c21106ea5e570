/** Stops a watcher; safe to call more than once. */
export type Stop = () => void;

/** Calls `fire` once, `seconds` after arming, unless stopped first. */
export function watchDelay(seconds: number, fire: () => void): Stop {
  const timer = setTimeout(fire, seconds * 1000);
  return () => clearTimeout(timer);
}
