import type {CaseSchema} from "../schema.ts";
import {fitnessSchema} from "./fitness.ts";
import {oneClickSchema} from "./one-click.ts";
import {ecommerceSchema} from "./ecommerce.ts";
import {experimentSchema} from "./experiment.ts";

export {fitnessSchema, oneClickSchema, ecommerceSchema, experimentSchema};

export const schemas: Record<CaseSchema["case"], CaseSchema> = {
  "fitness": fitnessSchema,
  "one-click": oneClickSchema,
  "ecommerce": ecommerceSchema,
  "experiment": experimentSchema
};
