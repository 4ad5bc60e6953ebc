/**
 * Can the test be trusted? The sample-ratio check (chi-square goodness of fit of the group sizes
 * against the planned split), the balance of users who are also in another test (the share of each
 * group that is in that test's treatment group, compared by a two-proportion z-test: random
 * assignment makes them equal in expectation; flagged at the sample-ratio threshold, since like a
 * mismatch it means assignment failed, and α would raise false alarms on every test), marketing campaigns running in the test's dates and
 * region, and the audience against the plan. What the reading left out is in `exclusions`.
 */
import {chiSquareGoodnessOfFit, type GoodnessOfFit} from "../../stats/goodnessOfFit.ts";
import {twoProportionZTest} from "../../stats/proportions.ts";
import type {ExperimentPlan, TestPlan} from "./plan.ts";
import type {Campaign, Exclusions, OtherTest, Participant} from "./read.ts";

/** Sample-ratio mismatch is flagged below this p (a common threshold: such a split is a bug, not chance). */
export const SRM_THRESHOLD = 0.001;

export interface OtherTestBalance {
  other: string;
  /** Users of each group here [control, treatment] who are in the other test, and in its treatment group. */
  inOther: [number, number];
  inOtherTreatment: [number, number];
  /** Two-proportion z-test of the share in the other test's treatment group, treatment vs control here. */
  pValue: number;
  flagged: boolean;
}

export interface CampaignOverlap extends Campaign {
  /** Days the campaign shares with the test (its dates ∩ the test's dates). */
  days: number;
  /** The campaign reaches the test's region (or the test has no region). */
  inRegion: boolean;
}

export interface Validity {
  test: string;
  plan: TestPlan;
  groups: [number, number];
  srm: GoodnessOfFit & {flagged: boolean; threshold: number; plannedSplit: number};
  exclusions: Exclusions;
  otherTests: OtherTestBalance[];
  /** Campaigns sharing at least one day with the test (flagged when in its region too). */
  campaigns: CampaignOverlap[];
  /** Participants analysed over the new users of the region and enrolment dates. */
  audience: {eligible: number; participants: number; share: number | null; planned: number | null};
  /** Issues that make the comparison untrustworthy (the verdict waits), and ones that limit what it means. */
  blocking: string[];
  caveats: string[];
}

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY) + 1;

export function campaignOverlaps(campaigns: readonly Campaign[], plan: TestPlan): CampaignOverlap[] {
  return campaigns.flatMap((c) => {
    const from = c.start > plan.start ? c.start : plan.start;
    const to = c.finish < plan.end ? c.finish : plan.end;
    if (from > to) return [];
    return [{...c, days: daysBetween(from, to), inRegion: plan.region === null || c.regions.includes(plan.region)}];
  });
}

function balance(test: string, rows: readonly OtherTest[], treatmentLabel: string, threshold: number): OtherTestBalance[] {
  const others = [...new Set(rows.filter((r) => r.test === test).map((r) => r.other))];
  return others.map((other) => {
    const mine = rows.filter((r) => r.test === test && r.other === other);
    const count = (g: 0 | 1, treatedThere: boolean | null) => mine.filter((r) => r.treated === g && (treatedThere === null || (r.otherGroup === treatmentLabel) === treatedThere)).reduce((s, r) => s + r.users, 0);
    const inOther: [number, number] = [count(0, null), count(1, null)];
    const inOtherTreatment: [number, number] = [count(0, true), count(1, true)];
    const pValue = inOther[0] && inOther[1] ? twoProportionZTest([inOtherTreatment[1], inOtherTreatment[0]], [inOther[1], inOther[0]]).pValue : 1;
    return {other, inOther, inOtherTreatment, pValue, flagged: pValue < threshold};
  });
}

export function validity(test: string, plan: ExperimentPlan, participants: readonly Participant[], exclusions: Exclusions, others: readonly OtherTest[], campaigns: readonly Campaign[]): Validity {
  const t = plan.tests[test];
  const mine = participants.filter((p) => p.test === test);
  const groups: [number, number] = [mine.filter((p) => !p.treated).length, mine.filter((p) => p.treated).length];
  const fit = chiSquareGoodnessOfFit(groups, [1 - t.split, t.split]);
  const srm = {...fit, flagged: fit.pValue < SRM_THRESHOLD, threshold: SRM_THRESHOLD, plannedSplit: t.split};
  const otherTests = balance(test, others, plan.treatment, SRM_THRESHOLD);
  const overlaps = campaignOverlaps(campaigns, t);
  const blocking = [
    ...(srm.flagged ? ["srm"] : []),
    ...otherTests.filter((o) => o.flagged).map((o) => `other-test:${o.other}`)
  ];
  const caveats = [
    ...overlaps.filter((c) => c.inRegion).map((c) => `campaign:${c.name}`),
    ...(exclusions.bothGroups ? ["both-groups"] : []),
    ...(exclusions.unknownLabelUsers ? ["unknown-labels"] : [])
  ];
  const share = exclusions.eligible ? mine.length / exclusions.eligible : null;
  return {
    test, plan: t, groups, srm, exclusions, otherTests, campaigns: overlaps,
    audience: {eligible: exclusions.eligible, participants: mine.length, share, planned: t.audienceShare},
    blocking, caveats
  };
}
