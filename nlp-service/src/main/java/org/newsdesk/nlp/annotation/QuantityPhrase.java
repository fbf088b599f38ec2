package org.newsdesk.nlp.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import edu.stanford.nlp.ie.NumberNormalizer;
import edu.stanford.nlp.ling.CoreLabel;

/**
 * A written quantity inside one sentence: "more than 3,000", "60 to 120 tenge", "$1.13bn", "76%", "dozens".
 * Found from the token words alone (number formats, currency symbols and qualifier words are a closed lexicon);
 * what the quantity counts is decided by {@link NumericFactExtractor} from the dependency parse.
 * It never decides whether a number is a date or part of a name.
 *
 * @param first      index of the first token (qualifier or currency symbol included)
 * @param last       index of the last token, inclusive
 * @param head       index of the token that carries the number in the parse (the upper bound of a range)
 * @param value      the (lower) value, multipliers applied
 * @param upper      the upper value of a range, or null
 * @param qualifier  "more than", "about", "dozens", "range"... or null
 * @param unit       ISO 4217 code, "%" or null
 * @param vague      true for "dozens", "hundreds", "thousands": value is then the least the word implies
 */
record QuantityPhrase(int first, int last, int head, double value, Double upper, String qualifier, String unit,
        boolean vague) {

    private static final Pattern DIGITS = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(k|m|mn|bn|tn)?");
    private static final Map<String, Double> MULTIPLIERS = Map.of("thousand", 1e3, "k", 1e3, "million", 1e6,
            "m", 1e6, "mn", 1e6, "billion", 1e9, "bn", 1e9, "trillion", 1e12, "tn", 1e12);
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
            "thousand", "million", "billion", "dozen");
    private static final Pattern COMPOUND_NUMBER_WORD = Pattern.compile(
            "(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)");
    private static final Map<String, Double> VAGUE = Map.of("dozens", 24.0, "scores", 40.0, "hundreds", 200.0,
            "thousands", 2_000.0, "millions", 2_000_000.0, "tens", 20.0);
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("$", "USD", "us$", "USD", "€", "EUR",
            "£", "GBP", "¥", "JPY", "₽", "RUB", "₸", "KZT", "₹", "INR", "₴", "UAH");
    private static final Map<String, String> CURRENCY_WORDS = Map.ofEntries(Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"), Map.entry("usd", "USD"), Map.entry("euro", "EUR"), Map.entry("euros", "EUR"),
            Map.entry("eur", "EUR"), Map.entry("pound", "GBP"), Map.entry("pounds", "GBP"), Map.entry("gbp", "GBP"),
            Map.entry("tenge", "KZT"), Map.entry("kzt", "KZT"), Map.entry("rouble", "RUB"), Map.entry("roubles", "RUB"),
            Map.entry("ruble", "RUB"), Map.entry("rubles", "RUB"), Map.entry("rub", "RUB"), Map.entry("yuan", "CNY"),
            Map.entry("renminbi", "CNY"), Map.entry("yen", "JPY"), Map.entry("hryvnia", "UAH"),
            Map.entry("hryvnias", "UAH"), Map.entry("rupee", "INR"), Map.entry("rupees", "INR"),
            Map.entry("lari", "GEL"), Map.entry("dram", "AMD"), Map.entry("drams", "AMD"), Map.entry("sum", "UZS"),
            Map.entry("manat", "AZN"));
    /** Qualifiers, longest first so that "more than" wins over "than". */
    private static final List<List<String>> QUALIFIERS = List.of(List.of("as", "many", "as"),
            List.of("upwards", "of"), List.of("more", "than"), List.of("less", "than"), List.of("fewer", "than"),
            List.of("at", "least"), List.of("at", "most"), List.of("up", "to"), List.of("close", "to"),
            List.of("an", "estimated"), List.of("just", "over"), List.of("just", "under"), List.of("over"),
            List.of("under"), List.of("about"), List.of("around"), List.of("approximately"), List.of("roughly"),
            List.of("nearly"), List.of("almost"), List.of("some"), List.of("estimated"), List.of("between"));

    /** Whether a token can start a quantity; cheap enough to pick the sentences worth parsing. */
    static boolean isNumberWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return DIGITS.matcher(w).matches() || NUMBER_WORDS.contains(w) || VAGUE.containsKey(w)
                || COMPOUND_NUMBER_WORD.matcher(w).matches();
    }

    static String currencyOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String symbol = CURRENCY_SYMBOLS.get(w);
        return symbol != null ? symbol : CURRENCY_WORDS.get(w);
    }

    /** Every quantity in the sentence, left to right, none overlapping. */
    static List<QuantityPhrase> findAll(List<CoreLabel> tokens) {
        List<QuantityPhrase> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            QuantityPhrase q = at(tokens, i);
            if (q == null) {
                i++;
            } else {
                found.add(q);
                i = q.last + 1;
            }
        }
        return found;
    }

    private static QuantityPhrase at(List<CoreLabel> tokens, int i) {
        Number number = numberAt(tokens, i);
        if (number == null) {
            return null;
        }
        String word = lower(tokens, i);
        boolean vague = VAGUE.containsKey(word);
        if (vague && (word.equals("scores") || word.equals("tens")) && !"of".equals(lower(tokens, i + 1))) {
            return null; // "scores" of a match, "tens" alone
        }
        double value = number.doubleValue();
        int first = i;
        int last = i;
        String qualifier = null;
        if (vague) {
            qualifier = word;
            if ("of".equals(lower(tokens, i + 1)) && VAGUE.containsKey(lower(tokens, i + 2))
                    && MULTIPLIERS.containsKey(lower(tokens, i + 2).replaceAll("s$", ""))) {
                // "tens of thousands", "hundreds of thousands"
                value = VAGUE.get(word) * MULTIPLIERS.get(lower(tokens, i + 2).replaceAll("s$", ""));
                qualifier = word + " of " + lower(tokens, i + 2);
                last = i + 2;
            }
        }
        String unit = null;
        String before = first > 0 ? tokens.get(first - 1).word() : "";
        if (CURRENCY_SYMBOLS.containsKey(before.toLowerCase(Locale.ROOT))) {
            unit = CURRENCY_SYMBOLS.get(before.toLowerCase(Locale.ROOT));
            first--;
        }
        if (!vague) {
            Double multiplier = MULTIPLIERS.get(lower(tokens, last + 1));
            if (multiplier != null && !lower(tokens, i).matches(".*(k|m|bn|tn)")) {
                value *= multiplier;
                last++;
            }
        }
        int head = last;
        Double upper = null;
        // a range: "60 to 120 tenge", "€0.12 - €0.24", "between 5 and 10"
        String link = lower(tokens, last + 1);
        boolean between = "between".equals(lower(tokens, first - 1));
        if (!vague && ("to".equals(link) || "-".equals(link) || "–".equals(link) || between && "and".equals(link))) {
            int j = last + 2;
            if (j < tokens.size() && CURRENCY_SYMBOLS.containsKey(lower(tokens, j))) {
                j++;
            }
            Number second = numberAt(tokens, j);
            if (second != null && !VAGUE.containsKey(lower(tokens, j))) {
                double upperValue = second.doubleValue();
                Double multiplier = MULTIPLIERS.get(lower(tokens, j + 1));
                if (multiplier != null && !lower(tokens, j).matches(".*(k|m|bn|tn)")) {
                    upperValue *= multiplier;
                    j++;
                }
                if (upperValue > value) {
                    upper = upperValue;
                    last = j;
                    head = j;
                }
            }
        }
        // a unit after the number: "120 tenge", "76%", "3 per cent", "98 percent"
        String next = lower(tokens, last + 1);
        if ("%".equals(next) || "percent".equals(next) || "pct".equals(next)) {
            unit = "%";
            last++;
        } else if ("per".equals(next) && "cent".equals(lower(tokens, last + 2))) {
            unit = "%";
            last += 2;
        } else if (unit == null && CURRENCY_WORDS.containsKey(next)) {
            unit = CURRENCY_WORDS.get(next);
            last++;
        }
        if (upper != null && qualifier == null) {
            qualifier = "range";
        }
        // qualifier before: "more than", "at least", "about", "over"
        if (qualifier == null || qualifier.equals("range")) {
            for (List<String> q : QUALIFIERS) {
                int start = first - q.size();
                if (start >= 0 && matches(tokens, start, q)) {
                    if (!q.get(0).equals("between") || upper != null) {
                        qualifier = q.get(0).equals("between") ? "range" : String.join(" ", q);
                        first = start;
                    }
                    break;
                }
            }
        }
        return new QuantityPhrase(first, last, vague ? i : head, value, upper, qualifier, unit, vague);
    }

    private static Number numberAt(List<CoreLabel> tokens, int i) {
        if (i < 0 || i >= tokens.size()) {
            return null;
        }
        String word = lower(tokens, i);
        if (VAGUE.containsKey(word)) {
            return VAGUE.get(word);
        }
        Matcher digits = DIGITS.matcher(word);
        if (digits.matches()) {
            double value = Double.parseDouble(digits.group(1).replace(",", "")
                    + (digits.group(2) == null ? "" : "." + digits.group(2)));
            return digits.group(3) == null ? value : value * MULTIPLIERS.get(digits.group(3));
        }
        if (!isNumberWord(word) || word.equals("thousand") || word.equals("million") || word.equals("billion")) {
            return null;
        }
        try {
            return NumberNormalizer.wordToNumber(word);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean matches(List<CoreLabel> tokens, int start, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!words.get(k).equals(lower(tokens, start + k))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(List<CoreLabel> tokens, int i) {
        return i < 0 || i >= tokens.size() ? "" : tokens.get(i).word().toLowerCase(Locale.ROOT);
    }
}
