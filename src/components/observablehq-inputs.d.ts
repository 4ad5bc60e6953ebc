/** @observablehq/inputs ships no type declarations; components use it untyped. */
declare module "@observablehq/inputs";
