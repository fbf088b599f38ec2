package org.newsdesk.ingest.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds calendar dates (with an optional time and zone) written out in text or in HTML meta values: ISO 8601,
 * RFC 1123, numeric day-month-year, and month names in English, Russian, Ukrainian, Kazakh, Arabic (Egyptian and
 * Levantine names), Persian (Gregorian names), French, German, Spanish and Turkish, in any decimal digits
 * (Arabic-Indic ٠-٩ and Eastern Arabic/Persian ۰-۹ included), plus CJK {@code 2022年1月5日}.
 * <p>
 * It only accepts complete dates with a year: "January 5" alone is not a publication date, and resolving it
 * against a reference date is a temporal tagger's job, not this class's. It never guesses a zone: a date without
 * one is taken as UTC. Non-Gregorian calendars (Hijri, Solar Hijri) are not supported.
 */
public final class DateTextParser {

    /** A date found in a text. {@code start}/{@code end} index into the original string. */
    public record FoundDate(int start, int end, OffsetDateTime value, boolean hasTime) {
    }

    private static final Map<String, Integer> MONTHS = monthTable();
    private static final int MAX_VALUE_CHARS = 200;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String MONTH = "(?<![\\p{L}])(?<monthName>" + MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(name -> Pattern.quote(name).replace(" ", "\\E\\s+\\Q"))
            .collect(Collectors.joining("|")) + ")(?![\\p{L}])\\.?";

    private static final String TIME = "(?:\\s*(?:,|at|à|um|a las|в|saat|في|-|–|—|·)?\\s*"
            + "(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?\\s*(?<ampm>[ap]\\.?m\\.?(?![\\p{L}]))?)?";
    private static final String ZONE = "(?:\\s*\\(?\\s*(?:(?<named>GMT|UTC|Z)(?:\\s*(?<gmtOffset>[+-]\\d{1,2}(?::?\\d{2})?))?"
            + "|(?<offset>[+-]\\d{2}:?\\d{2}))\\)?)?";

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})(?:[T ](?<hour>\\d{2}):(?<minute>\\d{2})"
                    + "(?::(?<second>\\d{2})(?:[.,]\\d+)?)?)?\\s?(?<offset>Z|[+-]\\d{2}:?\\d{2})?(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH + "\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(?<year>\\d{4})(?!\\d)" + TIME + ZONE, FLAGS);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(?<!\\d)(?<day>\\d{1,2})(?:st|nd|rd|th|er|\\.|-?го|-?е)?\\s*(?:de\\s+)?" + MONTH
                    + "\\s*,?\\s*(?:de\\s+)?(?<year>\\d{4})(?!\\d)(?:\\s*(?:г\\.|года|г(?![\\p{L}])|ж\\.|жылы))?" + TIME + ZONE,
            FLAGS);
    private static final Pattern YEAR_DAY_MONTH = Pattern.compile(
            "(?<!\\d)(?<year>\\d{4})\\s*(?:жылғы|ж\\.)\\s*(?<day>\\d{1,2})\\s+" + MONTH + TIME + ZONE, FLAGS);
    private static final Pattern CJK = Pattern.compile(
            "(?<!\\d)(?<year>\\d{4})\\s*[年년]\\s*(?<month>\\d{1,2})\\s*[月월]\\s*(?<day>\\d{1,2})\\s*[日일]?" + TIME + ZONE);
    private static final Pattern NUMERIC_DMY = Pattern.compile(
            "(?<![\\d.:/-])(?<first>\\d{1,2})(?<sep>[./-])(?<second2>\\d{1,2})\\k<sep>(?<year>\\d{4})(?![\\d])" + TIME + ZONE);
    private static final Pattern NUMERIC_YMD = Pattern.compile(
            "(?<![\\d.:/-])(?<year>\\d{4})(?<sep>[./])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})(?![\\d.])" + TIME + ZONE);

    private final boolean monthFirst;

    /** Day-first for ambiguous numeric dates ("05/01/2022" is 5 January), as in most of the world. */
    public DateTextParser() {
        this(false);
    }

    /** @param monthFirst read an ambiguous numeric date as month/day/year (US sources) */
    public DateTextParser(boolean monthFirst) {
        this.monthFirst = monthFirst;
    }

    /**
     * Parses a whole value such as an HTML meta {@code content}: ISO 8601 (with or without time and zone), RFC 1123,
     * or any written date this class finds. Returns empty when there is no complete date.
     */
    public Optional<OffsetDateTime> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        // a date value is short; a page that puts a novel in its date meta gets its first line read, nothing more
        String v = trimmed.length() <= MAX_VALUE_CHARS ? trimmed : trimmed.substring(0, MAX_VALUE_CHARS);
        try {
            return Optional.of(OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException ignored) {
            // not a full ISO timestamp with offset: try the looser forms below
        }
        try {
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // not RFC 1123
        }
        try {
            return Optional.of(LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // not a local ISO timestamp
        }
        return findFirst(v).map(FoundDate::value);
    }

    /** The first complete date in the text, if any. */
    public Optional<FoundDate> findFirst(String text) {
        List<FoundDate> all = findAll(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every complete date in the text, in text order, without overlaps (the longer reading wins). */
    public List<FoundDate> findAll(String text) {
        if (text == null || text.isEmpty() || !containsDigit(text)) {
            return List.of();
        }
        String folded = fold(text);
        List<FoundDate> found = new ArrayList<>();
        collect(ISO.matcher(folded), found, this::fromIso);
        collect(MONTH_DAY_YEAR.matcher(folded), found, this::fromNamedMonth);
        collect(DAY_MONTH_YEAR.matcher(folded), found, this::fromNamedMonth);
        collect(YEAR_DAY_MONTH.matcher(folded), found, this::fromNamedMonth);
        collect(CJK.matcher(folded), found, this::fromIso);
        collect(NUMERIC_YMD.matcher(folded), found, this::fromIso);
        collect(NUMERIC_DMY.matcher(folded), found, this::fromNumeric);
        found.sort(Comparator.comparingInt(FoundDate::start).thenComparing(d -> -(d.end() - d.start())));
        List<FoundDate> result = new ArrayList<>();
        int covered = -1;
        for (FoundDate date : found) {
            if (date.start() >= covered) {
                result.add(date);
                covered = date.end();
            }
        }
        return result;
    }

    private interface Reading {
        FoundDate read(Matcher m);
    }

    private static void collect(Matcher m, List<FoundDate> out, Reading reading) {
        while (m.find()) {
            FoundDate date = reading.read(m);
            if (date != null) {
                out.add(date);
            }
        }
    }

    private FoundDate fromIso(Matcher m) {
        return build(m, num(m, "year"), num(m, "month"), num(m, "day"));
    }

    private FoundDate fromNamedMonth(Matcher m) {
        Integer month = MONTHS.get(foldMonthName(m.group("monthName")));
        return month == null ? null : build(m, num(m, "year"), month, num(m, "day"));
    }

    private FoundDate fromNumeric(Matcher m) {
        int first = num(m, "first");
        int second = num(m, "second2");
        boolean swap = first <= 12 && (second > 12 || monthFirst);
        return swap ? build(m, num(m, "year"), first, second) : build(m, num(m, "year"), second, first);
    }

    private static FoundDate build(Matcher m, int year, int month, int day) {
        if (year < 1900 || year > 2100) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(year, month, day);
            String hourText = group(m, "hour");
            LocalTime time = LocalTime.MIDNIGHT;
            if (hourText != null) {
                int hour = Integer.parseInt(hourText);
                String ampm = group(m, "ampm");
                if (ampm != null) {
                    boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                    hour = hour % 12 + (pm ? 12 : 0);
                }
                String second = group(m, "second");
                time = LocalTime.of(hour, num(m, "minute"), second == null ? 0 : Integer.parseInt(second));
            }
            return new FoundDate(m.start(), m.end(), OffsetDateTime.of(date, time, offset(m)), hourText != null);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(Matcher m) {
        String offset = group(m, "offset");
        if (offset == null) {
            offset = group(m, "gmtOffset");
        }
        if (offset == null || offset.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String sign = offset.substring(0, 1);
        String digits = offset.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
    }

    private static String group(Matcher m, String name) {
        return m.namedGroups().containsKey(name) ? m.group(name) : null;
    }

    private static int num(Matcher m, String name) {
        return Integer.parseInt(m.group(name));
    }

    /**
     * Same-length folding, so match offsets stay valid: any decimal digit becomes ASCII, the Arabic comma a comma,
     * invisible bidi marks a space.
     */
    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c > 127) {
                if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                    chars[i] = (char) ('0' + Character.digit(c, 10));
                } else if (c == '\u060C') {
                    chars[i] = ',';
                } else if (c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\u00A0' || c == '\u202F'
                        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                    chars[i] = ' ';
                }
            }
        }
        return new String(chars);
    }

    private static boolean containsDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String foldMonthName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('ı', 'i').replaceAll("\\s+", " ");
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static Map<String, Integer> monthTable() {
        String[][] byMonth = {
                {"january", "jan", "январь", "января", "янв", "січень", "січня", "қаңтар", "қаңтардағы", "يناير",
                        "كانون الثاني", "ژانویه", "janvier", "janv", "januar", "jänner", "enero", "ocak"},
                {"february", "feb", "февраль", "февраля", "фев", "февр", "лютий", "лютого", "ақпан", "فبراير", "شباط",
                        "فوریه", "février", "fevrier", "févr", "februar", "febrero", "şubat", "subat"},
                {"march", "mar", "март", "марта", "березень", "березня", "наурыз", "مارس", "آذار", "mars", "märz",
                        "marz", "marzo", "mart"},
                {"april", "apr", "апрель", "апреля", "апр", "квітень", "квітня", "сәуір", "أبريل", "ابريل", "إبريل",
                        "نيسان", "آوریل", "avril", "avr", "abril", "nisan"},
                {"may", "май", "мая", "травень", "травня", "мамыр", "مايو", "أيار", "ایار", "مه", "mai", "mayo",
                        "mayıs", "mayis"},
                {"june", "jun", "июнь", "июня", "июн", "червень", "червня", "маусым", "يونيو", "يونيه", "حزيران",
                        "ژوئن", "juin", "juni", "junio", "haziran"},
                {"july", "jul", "июль", "июля", "июл", "липень", "липня", "шілде", "يوليو", "يوليه", "تموز", "ژوئیه",
                        "juillet", "juil", "juli", "julio", "temmuz"},
                {"august", "aug", "август", "августа", "авг", "серпень", "серпня", "тамыз", "أغسطس", "اغسطس", "آب",
                        "اوت", "آگوست", "août", "aout", "agosto", "ağustos", "agustos"},
                {"september", "sept", "sep", "сентябрь", "сентября", "сент", "сен", "вересень", "вересня", "қыркүйек",
                        "سبتمبر", "أيلول", "سپتامبر", "septembre", "septiembre", "setiembre", "eylül", "eylul"},
                {"october", "oct", "октябрь", "октября", "окт", "жовтень", "жовтня", "қазан", "أكتوبر", "اكتوبر",
                        "تشرين الأول", "اکتبر", "octobre", "oktober", "okt", "octubre", "ekim"},
                {"november", "nov", "ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "қараша", "نوفمبر",
                        "تشرين الثاني", "نوامبر", "novembre", "noviembre", "kasım", "kasim"},
                {"december", "dec", "декабрь", "декабря", "дек", "грудень", "грудня", "желтоқсан", "ديسمبر",
                        "كانون الأول", "دسامبر", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "aralık",
                        "aralik"}};
        Map<String, Integer> table = new LinkedHashMap<>();
        for (int month = 0; month < byMonth.length; month++) {
            for (String name : byMonth[month]) {
                Integer previous = table.put(foldMonthName(name), month + 1);
                if (previous != null && previous != month + 1) {
                    throw new IllegalStateException("month name " + name + " is ambiguous");
                }
            }
        }
        return Map.copyOf(table);
    }
}
