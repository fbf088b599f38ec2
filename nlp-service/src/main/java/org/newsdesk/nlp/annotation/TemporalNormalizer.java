package org.newsdesk.nlp.annotation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.time.SUTime;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;

/**
 * Finds dates, times, durations and sets in news text and resolves them against the publication date.
 * <p>
 * SUTime runs only around temporal trigger words: on the tokens from {@value #CONTEXT} before the first to
 * {@value #CONTEXT} after the last trigger of a run of nearby triggers, not on whole sentences (its cost grows with
 * the tokens it sees, and context far from a trigger only feeds its false positives). Measured on 300 BBC articles
 * and the seeds: 12 tokens either side instead of whole sentences took 7-40% less CPU; 6 instead of 12 took another
 * quarter less, and of the 2,453 dates, the only ones lost were false positives ("a fall in car sales" as autumn,
 * "the SEC" as a time or a second, "1300 GMT" as a year, "a second reading" as one second) while one month name
 * was resolved that had not been. Its output is then corrected where it is measurably wrong on news (see NLP.md):
 * <ul>
 * <li>"the following day" / "the next day" / "the day before" are anchored on the last day-level date before them,
 * not on the publication date;</li>
 * <li>a date without a year ("January 10", "February") gets the year that puts it within a month of the publication
 * date; when no year does, the tense of the sentence decides (news mostly looks back, so the past wins unless the
 * sentence speaks only of the future);</li>
 * <li>day ranges ("January 2-9, 2022", "October 24-25") become one mention whose value is an ISO-8601 interval
 * ({@code 2022-01-02/2022-01-09}).</li>
 * </ul>
 * "now", "present", "recently" (PRESENT_REF, PAST_REF) and the bare word "day" are dropped: they name no date.
 * Without a publication date only absolute expressions are kept. It never writes on the shared document: SUTime and
 * the POS tagger run on detached copies of the chosen sentences.
 */
public final class TemporalNormalizer implements DateFinder {

    /** Tokens of context SUTime sees on each side of a trigger: as long as the date expressions we resolve. */
    static final int CONTEXT = 6;

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Set<String> TRIGGER_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "yesterday", "today", "tomorrow", "tonight", "weekend", "day", "days", "week",
            "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
            "minute", "minutes", "morning", "afternoon", "evening", "night", "noon", "midnight", "ago", "fortnight",
            "quarter", "quarters", "quarterly", "annual", "annually", "daily", "weekly", "monthly", "yearly", "spring", "summer", "autumn",
            "winter", "christmas", "easter");
    /** Years, numeric dates (12/05, 2022-01-06) and clock times. */
    private static final Pattern DATE_LIKE_NUMBER = Pattern.compile(
            "(1[5-9]|20)\\d\\d|(1[5-9]|20)\\d0s|\\d{1,4}[/.-]\\d{1,2}([/.-]\\d{1,4})?"
                    + "|\\d{1,2}:\\d\\d|\\d{1,2}([ap]\\.?m\\.?)");

    private static final Pattern MONTH_NAME = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?(?![a-z])");
    private static final Pattern EXPLICIT_YEAR = Pattern.compile("\\b\\d{4}\\b|'\\d\\d\\b");
    /** Modifiers with which SUTime already picked the year on purpose ("last January", "next February"). */
    private static final Pattern RELATIVE_MODIFIER = Pattern.compile(
            "\\b(last|next|this|previous|coming|past|following|ago|later|earlier)\\b");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}|XXXX)-(\\d{2})(?:-(\\d{2}))?(.*)");
    private static final Pattern DAY_LEVEL_VALUE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "(?:the\\s+)?(?:(following|next|previous|preceding)\\s+(day|morning|afternoon|evening|night)"
                    + "|day\\s+(after|before))");
    /** The rest of a day range after "January 2": "-9, 2022", " to 25". */
    private static final Pattern RANGE_TAIL = Pattern.compile(
            "\\G\\s*(?:-|–|—|to|through|until)\\s*(\\d{1,2})(?![\\d:.,]\\d)(?:\\s*,?\\s*(\\d{4})(?!\\d))?");
    /** The head of a day range before "9 January 2022": "2-", "2 – ". */
    private static final Pattern RANGE_HEAD = Pattern.compile("(?<![\\d.,])(\\d{1,2})\\s*(?:-|–|—)\\s*$");
    private static final Set<String> FUTURE_MARKERS = Set.of("will", "'ll", "shall", "wo", "scheduled", "upcoming",
            "planned");
    private static final int NEAR_DAYS = 31;

    private enum Tense { PAST, FUTURE, MIXED }

    private final TimeAnnotator sutime;
    private final PartOfSpeechTagger tagger;

    public TemporalNormalizer() {
        this(new PartOfSpeechTagger());
    }

    /** @param tagger shared POS tagger, used to read the tense of sentences holding a far year-less date */
    public TemporalNormalizer(PartOfSpeechTagger tagger) {
        this.sutime = new TimeAnnotator("sutime", new Properties());
        this.tagger = tagger;
    }

    @Override
    public List<Annotation.DateMention> find(CoreDocument doc, OffsetDateTime publishedAt) {
        List<int[]> pieces = triggerPieces(doc);
        if (pieces.isEmpty()) {
            return List.of();
        }
        LocalDate dct = publishedAt == null ? null : publishedAt.toLocalDate();
        DetachedSentences sentences = DetachedSentences.pieces(doc, pieces);
        SUTime.TimeIndex timeIndex = new SUTime.TimeIndex();
        String docDate = dct == null ? "" : dct.toString();
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (CoreMap timex : sutime.annotateSingleSentence(sentences.sentence(i), docDate, timeIndex)) {
                Found f = Found.of(doc.text(), timex, pieces.get(i)[0]);
                if (f != null && !namesNoDate(f)) {
                    found.add(f);
                }
            }
        }
        found.sort(Comparator.comparingInt(f -> f.start));
        Tenses tenses = new Tenses(doc);
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            if (!kept.isEmpty() && f.start < kept.get(kept.size() - 1).end) {
                continue; // swallowed by a range built from the previous mention
            }
            if (dct != null) {
                fixYear(f, dct, tenses);
            }
            extendToRange(f, doc.text());
            anchorRelativeDay(f, kept);
            kept.add(f);
        }
        return kept.stream()
                .filter(f -> dct != null || isAbsolute(f))
                .filter(f -> !f.value.isEmpty() && !f.value.startsWith("XXXX"))
                .map(f -> new Annotation.DateMention(f.start, f.end, doc.text().substring(f.start, f.end), f.value,
                        f.type))
                .toList();
    }

    static boolean holdsTrigger(CoreSentence sentence) {
        for (CoreLabel token : sentence.tokens()) {
            if (isTrigger(token)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrigger(CoreLabel token) {
        String word = token.word().toLowerCase(Locale.ROOT);
        String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return MONTHS.contains(bare) || TRIGGER_WORDS.contains(word) || DATE_LIKE_NUMBER.matcher(word).matches();
    }

    /**
     * {sentence, first token, end token} for every run of triggers whose context windows touch, in text order.
     * A run's piece spans {@link #CONTEXT} tokens either side of it, clipped to the sentence.
     */
    static List<int[]> triggerPieces(CoreDocument doc) {
        List<int[]> pieces = new ArrayList<>();
        List<CoreSentence> all = doc.sentences();
        for (int s = 0; s < all.size(); s++) {
            List<CoreLabel> tokens = all.get(s).tokens();
            int[] open = null;
            for (int t = 0; t < tokens.size(); t++) {
                if (!isTrigger(tokens.get(t))) {
                    continue;
                }
                int from = Math.max(0, t - CONTEXT);
                int to = Math.min(tokens.size(), t + CONTEXT + 1);
                if (open != null && from <= open[2]) {
                    open[2] = Math.max(open[2], to);
                } else {
                    open = new int[] {s, from, to};
                    pieces.add(open);
                }
            }
        }
        return pieces;
    }

    private static boolean namesNoDate(Found f) {
        if (f.value.endsWith("_REF")) {
            return true;
        }
        String text = f.text.toLowerCase(Locale.ROOT).replaceFirst("^(a|an|the)\\s+", "");
        return "DURATION".equals(f.type) && (text.equals("day") || text.equals("days"));
    }

    /** Without a publication date, keep only what SUTime resolved from the text alone. */
    private static boolean isAbsolute(Found f) {
        return switch (f.type) {
            case "DATE", "TIME" -> f.anchoredOnText || (!f.value.contains("X") && EXPLICIT_YEAR.matcher(f.text).find());
            default -> true;
        };
    }

    /** A year-less date gets the year nearest the publication date, or the one the tense points to when all are far. */
    private void fixYear(Found f, LocalDate dct, Tenses tenses) {
        String lower = f.text.toLowerCase(Locale.ROOT);
        if (!("DATE".equals(f.type) || "TIME".equals(f.type)) || !MONTH_NAME.matcher(lower).find()
                || EXPLICIT_YEAR.matcher(lower).find() || RELATIVE_MODIFIER.matcher(lower).find()) {
            return;
        }
        Matcher m = ISO_DATE.matcher(f.value);
        if (!m.matches() || m.group(1).startsWith("X")) {
            return;
        }
        int month = Integer.parseInt(m.group(2));
        Integer day = m.group(3) == null ? null : Integer.parseInt(m.group(3));
        Integer best = null;
        Integer latestPast = null;
        Integer earliestFuture = null;
        long bestDistance = Long.MAX_VALUE;
        for (int year = dct.getYear() - 1; year <= dct.getYear() + 1; year++) {
            LocalDate first;
            LocalDate last;
            try {
                first = day == null ? LocalDate.of(year, month, 1) : LocalDate.of(year, month, day);
                last = day == null ? YearMonth.of(year, month).atEndOfMonth() : first;
            } catch (java.time.DateTimeException invalidDay) {
                continue; // 29 February in a common year
            }
            long distance = dct.isBefore(first) ? ChronoUnit.DAYS.between(dct, first)
                    : dct.isAfter(last) ? ChronoUnit.DAYS.between(last, dct) : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = year;
            }
            if (!first.isAfter(dct)) {
                latestPast = year;
            } else if (earliestFuture == null) {
                earliestFuture = year;
            }
        }
        if (best == null) {
            return;
        }
        int year = best;
        if (bestDistance > NEAR_DAYS) {
            Integer byTense = tenses.of(f.sentence) == Tense.FUTURE ? earliestFuture : latestPast;
            year = byTense != null ? byTense : best;
        }
        f.value = "%04d%s".formatted(year, f.value.substring(4));
    }

    /** "January 2" followed by "-9, 2022" becomes 2022-01-02/2022-01-09; "2-" before "9 January" likewise. */
    private static void extendToRange(Found f, String text) {
        if (!"DATE".equals(f.type) || !MONTH_NAME.matcher(f.text.toLowerCase(Locale.ROOT)).find()) {
            return;
        }
        Matcher value = ISO_DATE.matcher(f.value);
        if (!value.matches() || value.group(3) == null || !value.group(4).isEmpty()) {
            return;
        }
        int year = value.group(1).startsWith("X") ? -1 : Integer.parseInt(value.group(1));
        int month = Integer.parseInt(value.group(2));
        int day = Integer.parseInt(value.group(3));
        Matcher tail = RANGE_TAIL.matcher(text).region(f.end, text.length());
        if (f.text.matches("(?i)[a-z].*") && tail.lookingAt()) {
            int lastDay = Integer.parseInt(tail.group(1));
            if (lastDay > day && lastDay <= 31) {
                if (tail.group(2) != null) {
                    year = Integer.parseInt(tail.group(2));
                } else if (year < 0) {
                    return; // neither the text nor a publication date gives the year
                }
                f.end = tail.end();
                f.value = interval(year, month, day, lastDay);
                f.anchoredOnText |= tail.group(2) != null;
            }
            return;
        }
        Matcher head = RANGE_HEAD.matcher(text).region(Math.max(0, f.start - 8), f.start);
        if (year > 0 && f.text.matches("\\d.*") && head.find()) {
            int firstDay = Integer.parseInt(head.group(1));
            if (firstDay < day && firstDay >= 1) {
                f.start = head.start(1);
                f.value = interval(year, month, firstDay, day);
            }
        }
    }

    private static String interval(int year, int month, int firstDay, int lastDay) {
        try {
            return LocalDate.of(year, month, firstDay) + "/" + LocalDate.of(year, month, lastDay);
        } catch (java.time.DateTimeException invalidDay) {
            return "%04d-%02d-%02d".formatted(year, month, firstDay);
        }
    }

    /** "the following day" after "November 27" is 11-28, whatever the publication date. */
    private static void anchorRelativeDay(Found f, List<Found> before) {
        Matcher m = RELATIVE_DAY.matcher(f.text.toLowerCase(Locale.ROOT).trim());
        if (!m.matches()) {
            return;
        }
        for (int i = before.size() - 1; i >= 0; i--) {
            String anchorValue = before.get(i).value;
            int slash = anchorValue.lastIndexOf('/');
            String lastDay = slash < 0 ? anchorValue : anchorValue.substring(slash + 1);
            if (lastDay.length() >= 10 && DAY_LEVEL_VALUE.matcher(lastDay.substring(0, 10)).matches()) {
                boolean forward = m.group(1) != null ? m.group(1).equals("following") || m.group(1).equals("next")
                        : m.group(3).equals("after");
                LocalDate day = LocalDate.parse(lastDay.substring(0, 10)).plusDays(forward ? 1 : -1);
                String partOfDay = m.group(2) == null ? "" : switch (m.group(2)) {
                    case "morning" -> "TMO";
                    case "afternoon" -> "TAF";
                    case "evening" -> "TEV";
                    case "night" -> "TNI";
                    default -> "";
                };
                f.value = day + partOfDay;
                f.type = partOfDay.isEmpty() ? "DATE" : "TIME";
                f.anchoredOnText = before.get(i).anchoredOnText || isAbsolute(before.get(i));
                return;
            }
        }
    }

    /**
     * Reads the tense of a whole sentence (not just the piece SUTime saw), on a tagged copy made the first time a far
     * date needs it: the pipeline's tags when it has them, the shared tagger's otherwise.
     */
    private final class Tenses {
        private final CoreDocument doc;
        private final java.util.Map<Integer, List<CoreLabel>> tagged = new java.util.HashMap<>();

        Tenses(CoreDocument doc) {
            this.doc = doc;
        }

        Tense of(int sentence) {
            List<CoreLabel> tokens = tagged.computeIfAbsent(sentence, s -> {
                DetachedSentences copy = DetachedSentences.of(doc, List.of(doc.sentences().get(s)));
                tagger.ensureTagged(copy);
                return copy.tokens(0);
            });
            boolean past = false;
            boolean future = false;
            for (int i = 0; i < tokens.size(); i++) {
                CoreLabel token = tokens.get(i);
                String word = token.word().toLowerCase(Locale.ROOT);
                String tag = token.tag() == null ? "" : token.tag();
                future |= FUTURE_MARKERS.contains(word) && (tag.equals("MD") || !word.equals("will"));
                past |= tag.equals("VBD") || tag.equals("VBN") && perfectAuxiliaryBefore(tokens, i);
            }
            return future && !past ? Tense.FUTURE : past && !future ? Tense.PAST : Tense.MIXED;
        }

        private static boolean perfectAuxiliaryBefore(List<CoreLabel> tokens, int i) {
            for (int j = Math.max(0, i - 3); j < i; j++) {
                String word = tokens.get(j).word().toLowerCase(Locale.ROOT);
                if (word.equals("has") || word.equals("have") || word.equals("had")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One SUTime result while it is being corrected. */
    private static final class Found {
        int start;
        int end;
        final String text;
        String value;
        String type;
        final int sentence;
        /** Resolved from a date written in the text (a range with its year, a day after an absolute date). */
        boolean anchoredOnText;

        private Found(int start, int end, String text, String value, String type, int sentence) {
            this.start = start;
            this.end = end;
            this.text = text;
            this.value = value;
            this.type = type;
            this.sentence = sentence;
        }

        static Found of(String docText, CoreMap timexMap, int sentence) {
            Timex timex = timexMap.get(TimeAnnotations.TimexAnnotation.class);
            Integer start = timexMap.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            Integer end = timexMap.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            if (timex == null || start == null || end == null || start < 0 || end > docText.length() || start >= end) {
                return null;
            }
            String text = docText.substring(start, end);
            if (timex.value() == null || timex.value().isEmpty()) {
                // without a publication date SUTime leaves "the following day" unresolved; the text may anchor it
                boolean relativeDay = RELATIVE_DAY.matcher(text.toLowerCase(Locale.ROOT).trim()).matches();
                return relativeDay ? new Found(start, end, text, "", timex.timexType(), sentence) : null;
            }
            return new Found(start, end, text, timex.value(), timex.timexType(), sentence);
        }
    }
}
