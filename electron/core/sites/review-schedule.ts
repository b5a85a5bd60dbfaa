/**
 * When an account is next due for review (14-7): by default six calendar months after it was
 * created or last reviewed. A month later than the day allows ends on the month's last day
 * (31 August + 6 months = 28/29 February), never spills into the next month.
 */
export const REVIEW_INTERVAL_MONTHS = 6;

export function addMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export function nextReviewAfter(from: Date): string {
  return addMonths(from, REVIEW_INTERVAL_MONTHS).toISOString();
}
