/**
 * A case's money: the currency its amounts are in and what its profit figure means. The mapping's
 * `money` section says it per case; else CLIENTELE_CURRENCY gives the currency and the registry the
 * template's meaning of profit. Pages show the unit after every amount (`moneyUnit` in
 * src/components/format.ts), "currency units" when nobody said which.
 */
import type {Labels} from "../inputs/mapping.ts";
import type {CaseInput} from "../inputs/resolve.ts";
import type {Settings} from "../settings.ts";
import {caseById} from "./registry.ts";

export interface Money {
  /** "₽", "$", "thousand ₽"; "" when neither the mapping nor the settings say. */
  currency: string;
  /** What the case's profit figure counts and over which period; null for a case without profit. */
  profit: Labels | null;
}

export function caseMoney(input: Pick<CaseInput, "id" | "money">, settings: Pick<Settings, "currency">): Money {
  return {
    currency: (input.money?.currency ?? settings.currency).trim(),
    profit: input.money?.profit ?? caseById(input.id).profit ?? null
  };
}
