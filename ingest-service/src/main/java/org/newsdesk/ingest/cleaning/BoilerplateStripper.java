package org.newsdesk.ingest.cleaning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes, at the level of lines and paragraphs, the page furniture that HTML extractors leave inside the text:
 * consent banners, sign-up and follow-us prompts, credits and captions, timecodes, date stamps, bylines,
 * related-link bullets after the story, and paragraphs repeated by a page that printed its body several times.
 * <p>
 * It works on text that {@link TextNormaliser} has already normalised and it only ever drops whole lines: it must
 * never rewrite a sentence or drop a line for a reason it cannot name, so every removal is reported with its
 * {@link Removal.Kind}. Line rules are deliberately narrow (short lines, whole-line phrases), because losing a
 * sentence of the story costs more than leaving a stray banner in.
 */
public final class BoilerplateStripper {

    /** Lines longer than this are story paragraphs for every rule except the consent banner. */
    private static final int MAX_FURNITURE_CHARS = 300;
    private static final int MAX_BANNER_CHARS = 700;
    /**
     * Repeated lines with fewer letters and digits than this are left alone: fixture lists and tables repeat
     * short lines on purpose ("Winners meet in final match" three times in a BBC sport story).
     */
    private static final int MIN_DUPLICATE_KEY = 40;
    /** A repeated paragraph this long means a repeated copy of the story, so a header before it goes too. */
    private static final int MIN_REPEATED_BODY_CHARS = 80;
    private static final int MAX_HEADER_WORDS = 12;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final Pattern COOKIE_BANNER = Pattern.compile(
            "\\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|use of cookies|accept (?:all )?cookies"
                    + "|cookie (?:settings|choices|preferences|policy|consent|notice)|manage (?:your )?cookie"
                    + "|(?:этот|наш) сайт использует (?:файлы )?cookie|мы используем (?:файлы )?cookie"
                    + "|ملفات تعريف الارتباط|nous utilisons des cookies|utilise des cookies|wir verwenden cookies"
                    + "|verwendet cookies|utilizamos cookies|utiliza cookies|çerezler(?:i)? kullan)", FLAGS);

    private static final Pattern SUBSCRIBE_PROMPT = Pattern.compile(
            "(?:sent (?:directly|straight) to (?:you|your inbox)|sign up (?:via|on|at) (?:the|our) (?:website|site|app)"
                    + "|sign up (?:for|to) (?:our|the) (?:\\w+ ){0,2}(?:newsletters?|briefing|digest|alerts?|updates)"
                    + "|subscribe (?:to|for) (?:our|the) (?:\\w+ ){0,2}(?:newsletters?|channel|podcast|briefing|digest|updates)"
                    + "|newsletter sign[- ]?up|subscribe (?:now|today)\\b"
                    + "|подпишитесь на (?:наш|нашу|наши)|подписывайтесь на (?:наш|нашу|наши)|اشترك في (?:النشرة|قناتنا))", FLAGS);

    /*
     * Literal words without which a pattern cannot match, checked on the case-folded line first: an unanchored
     * case-insensitive pattern is tried at every position of every line, which made these patterns most of the
     * cleaning's CPU time. Each list must cover every alternative of its pattern.
     */
    private static final List<String> COOKIE_BANNER_WORDS = folded("cookie", "ملفات تعريف الارتباط", "çerez");
    private static final List<String> SUBSCRIBE_PROMPT_WORDS = folded("sent ", "sign", "subscribe", "подпи", "اشترك");
    private static final List<String> CAPTION_CREDIT_WORDS = folded("photo", "image", "picture", "фото", "сурет", "credit", "/");

    private static final Pattern FOLLOW_US = Pattern.compile(
            "^(?:follow|like|join|find|connect with) us (?:on|at|in|via)\\b|^(?:подписывайтесь на нас|следите за (?:нами|новостями) в"
                    + "|تابعونا على|suivez-nous|folgen sie uns|síguenos)", FLAGS);

    private static final Set<String> PAGE_LABELS = Set.of(
            "show more", "show less", "load more", "read more", "see more", "top downloads in last 24 hours",
            "pool for subscribers only", "restrictions", "description", "newsroom logo", "none", "null",
            "advertisement", "advertising", "sponsored", "sponsored content", "share", "share this", "share this article",
            "share on facebook", "share on twitter", "tweet", "print", "comments", "related", "related articles",
            "related news", "related stories", "related content", "skip to main content", "skip to content", "menu",
            "back to top", "loading", "most read", "most popular", "play video", "read also", "see also", "also read",
            "читайте также", "реклама", "поделиться", "اقرأ أيضا", "اقرأ أيضاً", "إعلان", "lire aussi", "werbung", "publicidad");

    private static final Pattern TOP_LIST_LABEL = Pattern.compile(
            "^(?:top|most) (?:downloads|stories|videos|news|reads|read|viewed|popular)(?: (?:in|of|from|over) (?:the )?(?:last|past) \\d+ hours)?$",
            FLAGS);

    private static final Pattern CREDIT = Pattern.compile(
            "^(?:mandatory credit|photo credits?|image credits?|picture credits?|credits?|photos?|photograph|images?|pictures?"
                    + "|фото|фотография|сурет|صورة|الصورة|crédit photo|bild|foto)\\s*(?:[:：]|by\\b)\\s*\\S.{0,200}$"
                    + "|^(?:©|\\(c\\)|copyright\\s*©?)\\s*(?:\\d{4}|all rights)", FLAGS);

    private static final Pattern CAPTION_CREDIT = Pattern.compile(
            "(?:^|[\\s.!?»\"”)])(?:photo|photograph|image|picture|фото|сурет|credit)\\s*(?:credit)?\\s*[:：]\\s*"
                    + "[\\p{L}\\p{N}@][\\p{L}\\p{N}@&.,'’\\- _/]{0,60}\\.?$"
                    + "|\\s/\\s*(?:[\\p{L}\\p{N}-]+\\.)+\\p{L}{2,}\\.?$", FLAGS);

    private static final Pattern TIMECODE = Pattern.compile("^[(\\[]?(?:▶\\s*)?\\d{1,2}(?::\\d{2}){1,2}[)\\]]?$", FLAGS);

    private static final Pattern STAMP_MARKER_FIRST = Pattern.compile(
            "^(?:last updated?|updated(?: on| at)?|published(?: on| at)?|posted(?: on| at)?|опубликовано|обновлено|обновлен"
                    + "|дата публикации|жарияланды|жаңартылды|оновлено|опубліковано|نشر(?: في)?|آخر تحديث|تم النشر"
                    + "|publié le|mis à jour le|veröffentlicht(?: am)?|aktualisiert(?: am)?|publicado(?: el)?"
                    + "|actualizado(?: el)?|yayınlanma(?: tarihi)?|güncelleme(?: tarihi)?)\\b", FLAGS);

    private static final Pattern STAMP_MARKER_LAST = Pattern.compile(
            "\\b(?:published|updated|опубликовано|обновлено|نشر|publié|veröffentlicht|publicado)\\s*$", FLAGS);

    /** A year (19xx/20xx) and a day-sized number; together they make a line date-like. */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)", FLAGS);
    private static final Pattern SMALL_NUMBER = Pattern.compile("(?<!\\d)\\d{1,2}(?!\\d)", FLAGS);
    private static final Pattern LETTER_WORD = Pattern.compile("\\p{L}{2,}", FLAGS);

    private static final Pattern BYLINE = Pattern.compile(
            "^(?:by|written by|reporting by|от|автор(?:ы)?:?|author:?)\\s+(?-i:\\p{Lu})[\\p{L}'’.\\-]*"
                    + "(?:\\s+(?:(?-i:\\p{Lu})[\\p{L}'’.\\-]*|and|&|de|van|von|der|al|el|bin|и))*(.*)$", FLAGS);
    private static final Set<String> BYLINE_TAIL_WORDS = Set.of(
            "in", "and", "at", "for", "from", "with", "of", "the", "staff", "correspondent", "reporter", "editor",
            "writer", "news", "gmt", "utc", "am", "pm");

    private static final Pattern LINK_BULLET = Pattern.compile("^[•▪►▸◦●○■□◆◇‣⁃]\\s*\\S");
    private static final Pattern ANY_BULLET = Pattern.compile("^(?:[•▪►▸◦●○■□◆◇‣⁃*–—-])\\s+\\S");
    private static final Pattern RELATED_HEADING = Pattern.compile(
            "^(?:read more|related(?: (?:articles|news|stories|content|links|coverage))?|see also|more on this(?: story)?"
                    + "|you may also like|recommended|читайте также|также читайте|смотрите также|اقرأ أيضا|اقرأ أيضاً"
                    + "|lire aussi|à lire aussi|mehr zum thema|lea también)\\s*[:：]?$", FLAGS);

    /** Returns the text without boilerplate, and what was removed. The input must be normalised. */
    public CleanText strip(String normalisedText) {
        String[] lines = normalisedText.split("\n", -1);
        Removal.Kind[] kinds = new Removal.Kind[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                kinds[i] = classifyLine(lines[i]);
            }
        }
        markDuplicates(lines, kinds);
        markHeadersOfDuplicates(lines, kinds);
        markTrailingRelatedLinks(lines, kinds);
        return assemble(lines, kinds);
    }

    /**
     * Says what kind of boilerplate a single normalised line is, or {@code null} when it may be story text.
     * Title and date detection use this too, so that both skip the same furniture.
     */
    public Removal.Kind classifyLine(String line) {
        int length = line.length();
        if (length == 0) {
            return null;
        }
        if (length > MAX_BANNER_CHARS) {
            return null; // longer than any rule's limit, the banner's included
        }
        String folded = fold(line);
        if (containsAny(folded, COOKIE_BANNER_WORDS) && COOKIE_BANNER.matcher(line).find()) {
            return Removal.Kind.COOKIE_BANNER;
        }
        if (length > MAX_FURNITURE_CHARS) {
            return null;
        }
        if (isPageLabel(line)) {
            return Removal.Kind.PAGE_LABEL;
        }
        if (TIMECODE.matcher(line).matches()) {
            return Removal.Kind.TIMECODE;
        }
        if (CREDIT.matcher(line).find()) {
            return Removal.Kind.CREDIT;
        }
        if (isDateStamp(line)) {
            return Removal.Kind.DATE_STAMP;
        }
        if (isByline(line)) {
            return Removal.Kind.BYLINE;
        }
        if (containsAny(folded, SUBSCRIBE_PROMPT_WORDS) && SUBSCRIBE_PROMPT.matcher(line).find()) {
            return Removal.Kind.SUBSCRIBE_PROMPT;
        }
        if (length <= 250 && FOLLOW_US.matcher(line).find()) {
            return Removal.Kind.FOLLOW_US;
        }
        if (containsAny(folded, CAPTION_CREDIT_WORDS) && CAPTION_CREDIT.matcher(line).find()) {
            return Removal.Kind.PHOTO_CAPTION;
        }
        return null;
    }

    /**
     * The line case-folded char by char the way {@link Pattern#CASE_INSENSITIVE} with {@link Pattern#UNICODE_CASE}
     * compares characters (lower case of upper case), so a folded keyword is found in it exactly when the pattern
     * could match that keyword.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    private static List<String> folded(String... words) {
        return java.util.Arrays.stream(words).map(BoilerplateStripper::fold).toList();
    }

    private static boolean containsAny(String foldedLine, List<String> foldedWords) {
        for (String word : foldedWords) {
            if (foldedLine.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** True for a line that begins a related-links list ("Read more:", "Читайте также"). */
    public boolean isRelatedHeading(String line) {
        return line.length() <= 60 && RELATED_HEADING.matcher(line).matches();
    }

    /** True for a line that starts with a bullet glyph or a list dash. */
    public static boolean isBullet(String line) {
        return ANY_BULLET.matcher(line).find() || LINK_BULLET.matcher(line).find();
    }

    private static boolean isPageLabel(String line) {
        if (line.length() > 60) {
            return false;
        }
        String folded = trimLabel(line).toLowerCase(Locale.ROOT);
        return PAGE_LABELS.contains(folded) || TOP_LIST_LABEL.matcher(folded).matches();
    }

    private static String trimLabel(String line) {
        int end = line.length();
        while (end > 0 && (":.…›»>|".indexOf(line.charAt(end - 1)) >= 0 || Character.isWhitespace(line.charAt(end - 1)))) {
            end--;
        }
        return line.substring(0, end);
    }

    private static boolean isDateStamp(String line) {
        if (line.length() > 150 || !containsDigit(line)) {
            return false;
        }
        if (STAMP_MARKER_FIRST.matcher(line).find() || STAMP_MARKER_LAST.matcher(line).find()) {
            return true;
        }
        // A bare date line ("26 October 2022, 08:37"): a year, a day, and at most three words of letters.
        if (line.length() > 60 || !YEAR.matcher(line).find() || !SMALL_NUMBER.matcher(line).find()) {
            return false;
        }
        var words = LETTER_WORD.matcher(line);
        int letterWords = 0;
        while (words.find()) {
            letterWords++;
        }
        return letterWords <= 3;
    }

    private static boolean isByline(String line) {
        if (line.length() > 100) {
            return false;
        }
        var m = BYLINE.matcher(line);
        if (!m.matches()) {
            return false;
        }
        var tail = LETTER_WORD.matcher(m.group(1));
        while (tail.find()) {
            String word = tail.group();
            if (Character.isLowerCase(word.charAt(0)) && !BYLINE_TAIL_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Second and later copies of a paragraph go; the first stays where it was. */
    private static void markDuplicates(String[] lines, Removal.Kind[] kinds) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() || kinds[i] != null) {
                continue;
            }
            String key = duplicateKey(lines[i]);
            if (key.length() >= MIN_DUPLICATE_KEY && !seen.add(key)) {
                kinds[i] = Removal.Kind.DUPLICATE;
            }
        }
    }

    /**
     * A short heading-like line ("Kazakhstan, Nur-Sultan") whose next real line is a repeated body paragraph
     * only introduces another copy of the story. Walking backwards lets a chain of such headers go together.
     */
    private static void markHeadersOfDuplicates(String[] lines, Removal.Kind[] kinds) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].isEmpty() || kinds[i] != null || !looksLikeHeader(lines[i])) {
                continue;
            }
            for (int j = i + 1; j < lines.length; j++) {
                if (lines[j].isEmpty()) {
                    continue;
                }
                Removal.Kind next = kinds[j];
                boolean repeatedBody = next == Removal.Kind.DUPLICATE && lines[j].length() >= MIN_REPEATED_BODY_CHARS;
                if (repeatedBody || next == Removal.Kind.HEADER_OF_DUPLICATE) {
                    kinds[i] = Removal.Kind.HEADER_OF_DUPLICATE;
                }
                if (next == null || next == Removal.Kind.DUPLICATE || next == Removal.Kind.HEADER_OF_DUPLICATE) {
                    break;
                }
            }
        }
    }

    private static boolean looksLikeHeader(String line) {
        if (line.length() > 120 || isBullet(line)) {
            return false;
        }
        char last = lastSignificantChar(line);
        if (".!?;:…".indexOf(last) >= 0) {
            return false;
        }
        return line.split(" ").length <= MAX_HEADER_WORDS;
    }

    /**
     * Bullets after the last paragraph of the story are links to other stories when they are headline-like
     * (no full stop) and the story did not announce a list with a colon; with a "Read more:"-style heading
     * any bullet style counts. Plain dashes without a heading stay: BBC copy ends many stories with dash lists.
     */
    private void markTrailingRelatedLinks(String[] lines, Removal.Kind[] kinds) {
        List<Integer> run = new ArrayList<>();
        int i = lines.length - 1;
        for (; i >= 0; i--) {
            if (lines[i].isEmpty()) {
                continue;
            }
            if (kinds[i] != null) {
                if (isRelatedHeading(lines[i])) {
                    break; // "Read more:" is page furniture itself, but it tells what the bullets after it are
                }
                continue;
            }
            if (!isBullet(lines[i])) {
                break;
            }
            run.add(i);
        }
        if (run.isEmpty()) {
            return;
        }
        int before = i;
        while (before >= 0 && lines[before].isEmpty()) {
            before--;
        }
        boolean headed = before >= 0 && isRelatedHeading(lines[before]);
        boolean related = headed;
        if (!headed) {
            boolean glyphBullets = run.stream().allMatch(k -> LINK_BULLET.matcher(lines[k]).find());
            long headlineLike = run.stream().filter(k -> ".!?…".indexOf(lastSignificantChar(lines[k])) < 0).count();
            boolean announced = before >= 0 && kinds[before] == null && lastSignificantChar(lines[before]) == ':';
            related = glyphBullets && !announced && headlineLike * 3 >= run.size() * 2L;
        }
        if (related) {
            run.forEach(k -> kinds[k] = Removal.Kind.RELATED_LINKS);
            if (headed && kinds[before] == null) {
                kinds[before] = Removal.Kind.RELATED_LINKS;
            }
        }
    }

    private static char lastSignificantChar(String line) {
        for (int k = line.length() - 1; k >= 0; k--) {
            char c = line.charAt(k);
            if ("\"'”’»)]".indexOf(c) < 0 && !Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    /** Letters and digits only, lower-cased: re-encoded quotes or spacing do not hide a repeat. */
    static String duplicateKey(String line) {
        StringBuilder key = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    private static CleanText assemble(String[] lines, Removal.Kind[] kinds) {
        StringBuilder text = new StringBuilder();
        List<Removal> removals = new ArrayList<>();
        boolean blankPending = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (kinds[i] != null) {
                removals.add(new Removal(kinds[i], line));
                continue;
            }
            if (line.isEmpty()) {
                blankPending = true;
                continue;
            }
            if (text.length() > 0) {
                text.append(blankPending ? "\n\n" : "\n");
            }
            blankPending = false;
            text.append(line);
        }
        return new CleanText(text.toString(), removals);
    }
}
