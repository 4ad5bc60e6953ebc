/** An assumption the data cannot give (a cost, a success rate, a value): its default, its unit and the
 *  range of the page's input, and why it is needed. Shown on the page as an assumption, never as a finding. */
export interface Assumption<Id extends string = string> {
  id: Id;
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  step: number;
  why: string;
}
