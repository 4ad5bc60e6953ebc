/**
 * The fitness actions as lists to act on (loaders/analysis/action-list.ts): for each recommended
 * action, the members it concerns with each one's reason, a control group held back ("do not
 * contact", the same members for every action), and what following the list may achieve:
 *
 *   contacted            members on the list minus the control group: the action's cost, counted
 *                        in what each is given (calls, offers; the member table holds no fees),
 *   contactedChurners    expected churners among them (sum of out-of-fold churn probabilities),
 *   atDefaults           at the default assumptions (recommendations.ts; src/components/retention-value.ts):
 *                        kept = success rate × contactedChurners, members kept IF the action keeps
 *                        that share of the leavers it reaches (an assumption; the control group is
 *                        what measures it), and the money figures the reader's values give.
 *
 * (A list's own column must not be called customer, group or reason: those keys are the list's.)
 * Lists overlap (a member can be on several), so a set of actions is sized by the union of its
 * contacted members (`reach`), each counted once.
 */
import type {Settings} from "../../settings.ts";
import {actionList, isControl, type ActionList} from "../../analysis/action-list.ts";
import type {FitnessMember} from "./features.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {actionMembers, givenOf, memberReason, type Action} from "./recommendations.ts";
import {retentionValue, type RetentionAssumptions, type RetentionValue} from "../../../src/components/retention-value.ts";

export const CASE_ID = "fitness";

export interface PlannedAction extends Action {
  list: ActionList;
  /** What each member contacted is given, plural: the action's cost in the club's units. */
  given: Text;
  contactedChurners: number;
  atDefaults: RetentionValue;
}

export interface Reach {
  /** Members contacted by at least one of the actions. */
  contacted: number;
  contactedChurners: number;
  /** Members kept at the assumed success rate. */
  kept: number;
}

export interface ActionPlan {
  actions: PlannedAction[];
  /** The assumptions `atDefaults` and `reach` use. */
  assumptions: RetentionAssumptions;
  /** Contacted members of a set of actions (by index in `actions`), each counted once; loyalty actions left out. */
  reach: (indices: readonly number[]) => Reach;
}

/** File stem of an action's downloads: "fitness-longer-contract-group-1", "fitness-visit-drop". */
const listId = (a: Pick<Action, "id" | "group">) => `${CASE_ID}-${a.id}${a.group === null ? "" : `-group-${a.group + 1}`}`;

/**
 * `labels`/`groupNames`: each member's group and the groups' names; `oof`: out-of-fold churn
 * probabilities. A member is named by the line of the export (the member table has no member id).
 */
export function planActions(actions: readonly Action[], members: readonly FitnessMember[], oof: readonly number[], labels: readonly number[],
  groupNames: readonly Text[], assumptions: RetentionAssumptions, settings: Pick<Settings, "customerRows" | "controlShare">): ActionPlan {
  const id = (i: number) => String(members[i].line);
  const contact = (i: number) => !isControl(CASE_ID, id(i), settings.controlShare);
  const group = (i: number): Text => ({en: `group ${labels[i] + 1} "${groupNames[labels[i]].en}"`, ru: `группа ${labels[i] + 1} «${groupNames[labels[i]].ru}»`});
  const rows = actions.map((a) => actionMembers(a, members, labels));
  const sum = (is: readonly number[]) => is.reduce((s, i) => s + oof[i], 0);
  const planned = actions.map((a, k): PlannedAction => {
    // The shared action list takes its title, column labels and reasons in English for now (its downloads).
    const list = actionList(CASE_ID, {
      id: listId(a), title: a.title.en,
      columns: [{key: "churnProbability", label: "churn probability", type: "number"}, {key: "memberGroup", label: "member group", type: "text"}]
    }, rows[k].map((i) => ({
      id: id(i),
      reason: `${memberReason(a.id, members[i], group(i)).en}; churn risk ${Math.round(oof[i] * 100)}%`,
      values: {churnProbability: Math.round(oof[i] * 1000) / 1000, memberGroup: `${labels[i] + 1}. ${groupNames[labels[i]].en}`}
    })), settings);
    const contactedChurners = sum(rows[k].filter(contact));
    return {...a, list, given: givenOf(a.id), contactedChurners, atDefaults: retentionValue({members: list.contact, expectedChurners: contactedChurners}, assumptions)};
  });
  const reach = (indices: readonly number[]): Reach => {
    const union = [...new Set(indices.filter((k) => actions[k].id !== "loyalty").flatMap((k) => rows[k]))].filter(contact);
    const contactedChurners = sum(union);
    return {contacted: union.length, contactedChurners, kept: assumptions.successRate * contactedChurners};
  };
  return {actions: planned, assumptions, reach};
}
