/**
 * Below this many answers a figure gets no range and a change is never called real: an interval
 * from a handful of answers says more about the formula than about the shop ("too few answers to
 * tell"). Ten is where the adjusted-Wald NPS interval's coverage settles (Rocks 2016, Table 2) and
 * a common floor in survey tools' reports.
 */
export const ENOUGH_ANSWERS = 10;

/** Whether `responses` answers are enough to show a range or to call a change. */
export const isEnough = (responses: number): boolean => responses >= ENOUGH_ANSWERS;
