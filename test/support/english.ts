/** Product names, which Japanese writes in their own letters. */
const PRODUCTS = /Microsoft (Teams|Entra ID)|Google Workspace|Power Automate/g;

/**
 * Runs of three or more English words: a sentence left untranslated. A field's message leads in
 * Japanese and may keep the API's specific detail after it in （）: that detail is not counted.
 */
export const englishIn = (text: string): string[] => [
  ...new Set(
    [
      ...text
        .replace(PRODUCTS, ' ')
        .replace(/(?<=[^\x00-\x7f])（[^）]*）/g, ' ')
        .matchAll(/[A-Za-z]{2,}[A-Za-z'’,.()-]*(?:[ \t]+[A-Za-z]{2,}[A-Za-z'’,.()-]*){2,}/g),
    ].map((m) => m[0]),
  ),
];
