package org.newsdesk.ingest.cleaning;

/**
 * One piece of text the cleaner took out, kept so that every removal can be shown to the user.
 *
 * @param kind why it was removed
 * @param text the removed text, as it stood after normalisation
 */
public record Removal(Kind kind, String text) {

    /** Why a line or block was removed. */
    public enum Kind {
        /** Cookie or consent banner. */
        COOKIE_BANNER,
        /** Newsletter, subscription or sign-up prompt. */
        SUBSCRIBE_PROMPT,
        /** "Follow us on ..." social-media line. */
        FOLLOW_US,
        /** Page furniture that leaked into the text: "Show more", "Restrictions", "Newsroom logo", "None". */
        PAGE_LABEL,
        /** Credit line: "Mandatory credit: ...", "Photo: ...", copyright notice. */
        CREDIT,
        /** Photo caption recognised by its trailing credit ("... Photo: nur.kz", "... / akorda.kz."). */
        PHOTO_CAPTION,
        /** Video timecode such as "00:03:40" in any digits. */
        TIMECODE,
        /** Publication or update stamp ("Last update: ...", "... · Published"). */
        DATE_STAMP,
        /** "By <name> <date>" line. */
        BYLINE,
        /** Related-link bullets after the end of the story. */
        RELATED_LINKS,
        /** A paragraph that already appeared earlier in the text. */
        DUPLICATE,
        /** A short header line that only introduces a repeated copy of the text. */
        HEADER_OF_DUPLICATE
    }
}
