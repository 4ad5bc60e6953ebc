/** Hour slots of the order-log window (Oct 2018 – Jan 2020) and their `YYYYMMDDHH` stamps. */

export interface Calendar {
  days: number;
  /** "YYYYMMDD" of each day. */
  stamp: string[];
  /** Month index since the window start (0 = Oct 2018) of each day. */
  monthOfDay: Uint8Array;
  /** Calendar month (0 = January) of each window month. */
  calendarMonth: number[];
  /** "YYYYMM" of each window month. */
  monthLabel: string[];
  firstDayOfMonth: number[];
  daysInMonth: number[];
}

export function calendar(start = Date.UTC(2018, 9, 1), end = Date.UTC(2020, 1, 1)): Calendar {
  const days = Math.round((end - start) / 86_400_000);
  const stamp: string[] = [];
  const monthOfDay = new Uint8Array(days);
  const calendarMonth: number[] = [];
  const monthLabel: string[] = [];
  const firstDayOfMonth: number[] = [];
  const daysInMonth: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    const label = `${y}${String(m + 1).padStart(2, "0")}`;
    if (monthLabel[monthLabel.length - 1] !== label) {
      monthLabel.push(label);
      calendarMonth.push(m);
      firstDayOfMonth.push(d);
      daysInMonth.push(0);
    }
    daysInMonth[daysInMonth.length - 1]++;
    monthOfDay[d] = monthLabel.length - 1;
    stamp.push(label + String(date.getUTCDate()).padStart(2, "0"));
  }
  return {days, stamp, monthOfDay, calendarMonth, monthLabel, firstDayOfMonth, daysInMonth};
}

/** `YYYYMMDDHH` of an hour slot (hours since the window start). */
export function slotStamp(cal: Calendar, slot: number): string {
  const hour = slot % 24;
  return cal.stamp[(slot - hour) / 24] + (hour < 10 ? "0" : "") + hour;
}
