/**
 * Lines of a scraped page that are not the article's prose: photo captions with their credit ("Joe Raedle/Getty
 * Images Homes are flooded …", "(AP Photo/Rebecca Blackwell)"), and newsletter or subscription chrome ("You can get
 * “5 Things” delivered to your inbox"). A journalist's timeline quotes neither, so they are never shown.
 */

/** A photo credit: "Name/Agency" with a picture agency or a "Photo"/"Images" word: always with a slash. */
const PHOTO_CREDIT = new RegExp(
  [
    String.raw`\b\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*\/\s*(?:Getty(?:\s+Images)?|AFP|AP|Reuters|Bloomberg|EPA(?:-EFE)?|Shutterstock|Sipa|Zuma|NurPhoto|Anadolu|Xinhua|UPI|Polaris|Redux|Alamy|The\s+\p{Lu}[\p{L}]+|[\p{Lu}][\p{L}&]*(?:\s+[\p{Lu}][\p{L}&]*){0,3}\s+(?:Images|Photos?|Pictures|via\s+Getty\s+Images))\b`,
  ].join('|'),
  'u',
);
/** A caption label opening the line, or an agency's photo credit in parentheses ("(AP Photo/…)", "(AP Photo)"). */
const CAPTION_LABEL = /^(?:Photo|Photograph|Image|Credit|Caption)s?\s*:|\((?:AP|AFP|Reuters|EPA)\s+Photo\b/;

/** Newsletter, subscription and sharing prompts. */
const CHROME = /\b(?:delivered\s+(?:straight\s+)?to\s+your\s+inbox|sign\s+up\s+(?:here|for|to\s+(?:get|receive))|subscribe\s+(?:here|now|to\s+(?:our|the))|click\s+here\s+to|share\s+this\s+(?:story|article)|follow\s+us\s+on)\b/i;

/** Whether a sentence is a caption with its credit or page chrome, not article prose. */
export function isPageChrome(sentence: string): boolean {
  // Every name credit has a slash: most sentences skip its pattern, which tries each capitalised word.
  return (sentence.includes('/') && PHOTO_CREDIT.test(sentence)) || CAPTION_LABEL.test(sentence) || CHROME.test(sentence);
}
