/** @observablehq/inputs and htl ship no type declarations; components use them untyped. */
declare module "@observablehq/inputs";
declare module "htl";
