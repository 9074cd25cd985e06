/** Product names, which Japanese writes in their own letters. */
const PRODUCTS = /Microsoft (Teams|Entra ID)|Google Workspace|Power Automate/g;

/** Runs of three or more English words: a sentence left untranslated. */
export const englishIn = (text: string): string[] => [
  ...new Set(
    [
      ...text
        .replace(PRODUCTS, ' ')
        .matchAll(/[A-Za-z]{2,}[A-Za-z'’,.()-]*(?:[ \t]+[A-Za-z]{2,}[A-Za-z'’,.()-]*){2,}/g),
    ].map((m) => m[0]),
  ),
];
